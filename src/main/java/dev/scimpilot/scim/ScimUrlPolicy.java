package dev.scimpilot.scim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides whether a SCIM endpoint URL may receive a token: https, a host on the allow-list, no
 * credentials or IP literals in the URL. Keeps a typed-in URL from turning the bot into a way to send
 * NinjaOne tokens (or requests) to internal addresses.
 */
@Component
public class ScimUrlPolicy {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private final ScimProperties properties;

    public ScimUrlPolicy(ScimProperties properties) {
        this.properties = properties;
    }

    /** Why the URL is refused (a sentence for chat), or empty when it is acceptable. */
    public Optional<String> check(String url) {
        return check(url, "The SCIM endpoint URL");
    }

    /**
     * The same rules for another NinjaOne URL a technician pastes (e.g. the identity provider's Entity ID or Reply
     * URL): https on one of NinjaOne's hosts. {@code what} names it in the message ("The Entity ID").
     */
    public Optional<String> check(String url, String what) {
        boolean scim = what.equals("The SCIM endpoint URL");
        if (url == null || url.isBlank()) {
            return Optional.of(what + " is missing.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(what + " is not a valid URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        if (uri.getUserInfo() != null) {
            return Optional.of(what + " must not contain a user name or password.");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (loopback && web && properties.allowLoopback() && properties.allowedHosts().contains(host)) {
            return Optional.empty(); // local mode: the sandbox's NinjaOne on this machine
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(what + " must start with https://.");
        }
        if (host.isEmpty()) {
            return Optional.of(what + " has no host name.");
        }
        if (loopback || IPV4.matcher(host).matches() || host.startsWith("[")) {
            return Optional.of((scim ? "The SCIM endpoint" : what) + " must be a NinjaOne host name, not an IP address or localhost.");
        }
        if (!properties.allowedHosts().contains(host) && !scim) {
            return Optional.of("`" + host + "` is not a NinjaOne host (allowed: " + String.join(", ", properties.allowedHosts())
                    + "). Copy " + what.replaceFirst("^The ", "the ") + " from the identity provider's page in NinjaOne.");
        }
        if (!properties.allowedHosts().contains(host)) {
            return Optional.of("`" + host + "` is not a NinjaOne SCIM host I may send tokens to (allowed: "
                    + String.join(", ", properties.allowedHosts()) + "). Copy the URL from NinjaOne's SCIM section, "
                    + "or ask an administrator to add the host to scimpilot.scim.allowed-hosts.");
        }
        return Optional.empty();
    }
}
