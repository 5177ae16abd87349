package dev.scimpilot.ninjaone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings for the NinjaOne public API ({@code scimpilot.ninjaone.*}); the secret never appears in toString. */
@ConfigurationProperties("scimpilot.ninjaone")
public record NinjaOneProperties(String baseUrl, String clientId, String clientSecret, String scope, Duration timeout) {

    public NinjaOneProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://eu.ninjarmm.com" : baseUrl.trim().replaceAll("/+$", "");
        scope = scope == null || scope.isBlank() ? "monitoring" : scope;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    @Override
    public String toString() {
        return "NinjaOneProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null || clientSecret.isEmpty() ? "<none>" : "<redacted>") + ", scope=" + scope
                + ", timeout=" + timeout + "]";
    }
}
