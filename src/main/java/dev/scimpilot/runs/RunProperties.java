package dev.scimpilot.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a plan may wait for approval, and how often the scheduler looks for work. */
@ConfigurationProperties("scimpilot.runs")
public record RunProperties(Duration approvalTtl, Duration pollingInterval) {

    public RunProperties {
        approvalTtl = approvalTtl == null ? Duration.ofHours(24) : approvalTtl;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(2) : pollingInterval;
    }
}
