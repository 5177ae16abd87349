package dev.scimpilot.entra;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings for the Entra login endpoints ({@code scimpilot.entra.*}): authority host and discovery timeout. */
@ConfigurationProperties("scimpilot.entra")
public record EntraProperties(String authorityHost, Duration discoveryTimeout) {

    public EntraProperties {
        authorityHost = authorityHost == null || authorityHost.isBlank() ? "https://login.microsoftonline.com"
                : authorityHost.trim().replaceAll("/+$", "");
        discoveryTimeout = discoveryTimeout == null ? Duration.ofSeconds(10) : discoveryTimeout;
    }
}
