package dev.scimpilot.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How long a plan may wait for approval, how often the scheduler looks for work, and after how long a run that
 * waits for a person (a human step) reminds its requester.
 */
@ConfigurationProperties("scimpilot.runs")
public record RunProperties(Duration approvalTtl, Duration pollingInterval, Duration remindWaitingAfter) {

    @ConstructorBinding
    public RunProperties {
        approvalTtl = approvalTtl == null ? Duration.ofHours(24) : approvalTtl;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(2) : pollingInterval;
        remindWaitingAfter = remindWaitingAfter == null ? Duration.ofHours(4) : remindWaitingAfter;
    }

    /** The properties before human steps existed (kept so existing callers compile). */
    public RunProperties(Duration approvalTtl, Duration pollingInterval) {
        this(approvalTtl, pollingInterval, null);
    }
}
