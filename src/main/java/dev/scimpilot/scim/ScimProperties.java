package dev.scimpilot.scim;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a SCIM token may be sent: https URLs on NinjaOne's hosts ({@code allowedHosts}). Only local mode
 * sets {@code allowLoopback} so the sandbox's http://127.0.0.1 endpoint can be used.
 */
@ConfigurationProperties("scimpilot.scim")
public record ScimProperties(List<String> allowedHosts, Boolean allowLoopback, Duration timeout) {

    public ScimProperties {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(h -> h.trim().toLowerCase()).toList();
        allowLoopback = allowLoopback != null && allowLoopback;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
