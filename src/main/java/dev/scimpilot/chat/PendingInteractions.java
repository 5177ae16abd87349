package dev.scimpilot.chat;

import com.microsoft.bot.builder.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a conversation is in the middle of (an open form, a question the bot asked), kept in the bot's
 * database-backed {@link Storage} so any replica sees it. Holds descriptions and ids, never secrets.
 */
@Component
public class PendingInteractions {

    /** One open interaction in a conversation. */
    public record PendingInteraction(String description, Instant since) {}

    private final Storage storage;
    private final Clock clock;

    public PendingInteractions(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public void start(String conversationId, String description) {
        storage.write(Map.of(key(conversationId), new PendingInteraction(description, clock.instant()))).join();
    }

    public Optional<PendingInteraction> current(String conversationId) {
        Object value = storage.read(new String[] {key(conversationId)}).join().get(key(conversationId));
        return value instanceof PendingInteraction p ? Optional.of(p) : Optional.empty();
    }

    /** Ends the open interaction, if any, and says what it was. */
    public Optional<String> clear(String conversationId) {
        Optional<PendingInteraction> open = current(conversationId);
        open.ifPresent(p -> storage.delete(new String[] {key(conversationId)}).join());
        return open.map(PendingInteraction::description);
    }

    private static String key(String conversationId) {
        return "pending/" + conversationId;
    }
}
