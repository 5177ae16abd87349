package dev.scimpilot.entra;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for Microsoft Graph ({@code scimpilot.graph.*}). Validated when bound, so a bad combination stops the
 * application at startup: {@code local} auth against a real Microsoft Graph host, or plain http to a non-loopback host.
 */
@ConfigurationProperties("scimpilot.graph")
public record GraphProperties(String baseUrl, GraphAuth auth, String clientId, String clientSecret,
                              String certificatePath, String certificatePassword, Duration timeout) {

    /** Hosts of Microsoft Graph in every national cloud (the ones Kiota's token provider trusts by default). */
    static final Set<String> MICROSOFT_GRAPH_HOSTS = Set.of("graph.microsoft.com", "graph.microsoft.us",
            "dod-graph.microsoft.us", "graph.microsoft.de", "microsoftgraph.chinacloudapi.cn", "canary.graph.microsoft.com");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public GraphProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://graph.microsoft.com/v1.0" : stripSlash(baseUrl.trim());
        auth = auth == null ? GraphAuth.CLIENT_SECRET : auth;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        URI uri = URI.create(baseUrl);
        String host = uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("scimpilot.graph.base-url must be an http(s) URL with a host: " + baseUrl);
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            // Kiota's token provider only sends tokens over plain http to loopback hosts
            throw new IllegalArgumentException("scimpilot.graph.base-url may use http only for localhost/127.0.0.1/::1; "
                    + "use https for " + host);
        }
        if (auth == GraphAuth.LOCAL && isMicrosoftGraphHost(host)) {
            throw new IllegalArgumentException("scimpilot.graph.auth=local issues unsigned tokens for an emulator and "
                    + "is refused for the Microsoft Graph host " + host + "; use client-secret or certificate");
        }
    }

    /** The host SCIM Pilot sends Graph tokens to (AzureIdentityAuthenticationProvider's allowed host). */
    public String host() {
        return URI.create(baseUrl).getHost();
    }

    /** The token scope: the national cloud's own Graph for Microsoft hosts, global Graph for emulators. */
    public String scope() {
        String host = host().toLowerCase(Locale.ROOT);
        return (isMicrosoftGraphHost(host) ? "https://" + host : "https://graph.microsoft.com") + "/.default";
    }

    static boolean isMicrosoftGraphHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return MICROSOFT_GRAPH_HOSTS.contains(h) || h.endsWith(".graph.microsoft.com") || h.endsWith(".graph.microsoft.us");
    }

    static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "GraphProperties[baseUrl=" + baseUrl + ", auth=" + auth + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "<none>" : "<redacted>")
                + ", certificatePath=" + certificatePath + ", certificatePassword=<redacted>, timeout=" + timeout + "]";
    }
}
