package dev.scimpilot.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How acknowledged message turns run ({@link TurnQueue}): {@code threads} turns of different conversations side by
 * side; beyond {@code maxQueued} waiting turns a request waits for its own turn; on shutdown, turns already
 * acknowledged get {@code drainTimeout} to finish.
 */
@ConfigurationProperties("scimpilot.turns")
public record TurnProperties(
        @DefaultValue("16") int threads,
        @DefaultValue("200") int maxQueued,
        @DefaultValue("10s") Duration drainTimeout) {

    public TurnProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("scimpilot.turns.threads must be at least 1");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("scimpilot.turns.max-queued must not be negative");
        }
    }
}
