package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SAML single sign-on configuration of the enterprise app as Entra has it: the service principal's mode and
 * preferred signing key, the application's identifiers (Entity ID) and redirect URIs (Reply URL), and when the
 * preferred token-signing certificate expires.
 */
record SamlState(String mode, List<String> identifierUris, List<String> redirectUris, String thumbprint, Instant certExpiresAt) {

    static final SamlState NONE = new SamlState(null, List.of(), List.of(), null, null);

    static SamlState read(GraphServiceClient g, String spId, String appObjectId) {
        CompletableFuture<ServicePrincipal> sp = Graphs.async(() -> g.servicePrincipals().byServicePrincipalId(spId)
                .get(rc -> rc.queryParameters.select = new String[] {"id", "preferredSingleSignOnMode",
                        "preferredTokenSigningKeyThumbprint", "keyCredentials"}));
        CompletableFuture<Application> app = Graphs.async(() -> g.applications().byApplicationId(appObjectId)
                .get(rc -> rc.queryParameters.select = new String[] {"id", "identifierUris", "web"}));
        Graphs.join(List.of(sp, app));
        String thumb = sp.join().getPreferredTokenSigningKeyThumbprint();
        Instant expires = null;
        if (thumb != null && sp.join().getKeyCredentials() != null) {
            for (KeyCredential k : sp.join().getKeyCredentials()) {
                if (k.getCustomKeyIdentifier() != null && HexFormat.of().formatHex(k.getCustomKeyIdentifier()).equalsIgnoreCase(thumb)
                        && k.getEndDateTime() != null) {
                    expires = k.getEndDateTime().toInstant();
                }
            }
        }
        List<String> ids = app.join().getIdentifierUris() == null ? List.of() : List.copyOf(app.join().getIdentifierUris());
        List<String> redirects = app.join().getWeb() == null || app.join().getWeb().getRedirectUris() == null ? List.of()
                : List.copyOf(app.join().getWeb().getRedirectUris());
        return new SamlState(sp.join().getPreferredSingleSignOnMode(), ids, redirects, thumb, expires);
    }

    /** Everything NinjaOne's Test Connection needs from Entra is there. */
    boolean complete() {
        return "saml".equals(mode) && !identifierUris.isEmpty() && !redirectUris.isEmpty() && thumbprint != null;
    }

    boolean matches(String entityId, String replyUrl) {
        return identifierUris.contains(entityId) && redirectUris.contains(replyUrl);
    }

    /** Another single sign-on mode (password, OIDC): never switched to SAML silently. */
    boolean otherMode() {
        return mode != null && !mode.isBlank() && !"saml".equals(mode) && !"notSupported".equals(mode);
    }

    String describe() {
        return "mode " + (mode == null ? "none" : mode) + ", identifiers " + identifierUris + ", reply URLs " + redirectUris;
    }

    /** Reads the app's SAML state, or NONE when the app does not exist yet or this run just created it. */
    static SamlState of(dev.scimpilot.entra.GraphClients graph, dev.scimpilot.runs.RunContext<dev.scimpilot.onboarding.OnboardingParameters> run) {
        var spId = run.fact(Facts.SERVICE_PRINCIPAL_ID);
        var appObjectId = run.fact(Facts.APP_OBJECT_ID);
        boolean fresh = run.runId().equals(run.fact(Facts.APP_CREATED_BY_RUN).orElse(null))
                && run.fact(Facts.SAML_CONFIGURED_BY_RUN).isEmpty() && run.fact(Facts.SAML_ENTITY_ID).isEmpty();
        if (spId.isEmpty() || appObjectId.isEmpty() || fresh) {
            return NONE;
        }
        return read(graph.forTenant(run.parameters().tenantId()), spId.get(), appObjectId.get());
    }

    java.util.Map<String, String> certFacts() {
        return thumbprint == null || certExpiresAt == null ? java.util.Map.of()
                : java.util.Map.of(Facts.SAML_CERT_THUMBPRINT, thumbprint, Facts.SAML_CERT_EXPIRES_AT, certExpiresAt.toString());
    }
}
