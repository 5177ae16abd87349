package dev.scimpilot.consent;

import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The admin-consent link of SCIM Pilot's multi-tenant Graph app for one client tenant, and the recognition of the
 * errors that mean "this tenant has not consented (to every permission) yet". A Global Administrator or Privileged
 * Role Administrator of the client tenant opens the link, signs in and accepts the application permissions.
 */
@Component
public class AdminConsent {

    /**
     * AADSTS700016: the app has no service principal in the tenant (never consented); AADSTS65001: no consent;
     * AADSTS7000112/AADSTS7000229: disabled or missing service principal; Authorization_RequestDenied and
     * "Insufficient privileges": consented, but not to a permission added later (re-consent grants it).
     */
    private static final String[] MARKERS = {"aadsts700016", "aadsts65001", "aadsts7000112", "aadsts7000229",
        "authorization_requestdenied", "insufficient privileges"};

    private final EntraProperties entra;
    private final GraphProperties graph;

    public AdminConsent(EntraProperties entra, GraphProperties graph) {
        this.entra = entra;
        this.graph = graph;
    }

    /** Whether the Graph app's client id is configured; without it there is no link to give. */
    public boolean configured() {
        return graph.clientId() != null && !graph.clientId().isBlank();
    }

    public String clientId() {
        return graph.clientId();
    }

    /** {@code https://login.microsoftonline.com/{tenantId}/adminconsent?client_id={graph client id}}. */
    public String url(String tenantId) {
        if (!configured()) {
            throw new IllegalStateException("scimpilot.graph.client-id is not configured");
        }
        return entra.authorityHost() + "/" + enc(tenantId) + "/adminconsent?client_id=" + enc(graph.clientId().trim());
    }

    /** Whether {@code failure} (or one of its causes) says the tenant has not (fully) consented to the Graph app. */
    public static boolean isMissingConsent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String marker : MARKERS) {
                if (message.contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A sentence with the consent link when {@code failure} is a missing consent in {@code tenantId}. */
    public Optional<String> hintFor(Throwable failure, String tenantId) {
        if (!configured() || tenantId == null || tenantId.isBlank() || !isMissingConsent(failure)) {
            return Optional.empty();
        }
        return Optional.of("The client tenant has not granted SCIM Pilot's Graph app (all) its permissions. A Global "
                + "Administrator of the tenant opens [this admin-consent link](" + url(tenantId.trim())
                + "), accepts, and then you try again.");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
