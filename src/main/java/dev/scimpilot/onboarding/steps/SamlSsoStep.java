package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.SelfSignedCertificate;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.WebApplication;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.addtokensigningcertificate.AddTokenSigningCertificatePostRequestBody;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runbook step 3 (Entra side, SSO set-up): SAML single sign-on on the enterprise app. Service principal
 * {@code preferredSingleSignOnMode=saml} and assignment required; the application's {@code identifierUris} =
 * NinjaOne's Entity ID and {@code web.redirectUris} = its Reply URL; a token-signing certificate created by Graph
 * ({@code addTokenSigningCertificate}, three years) whose thumbprint becomes {@code preferredTokenSigningKeyThumbprint}.
 * An app that already has this configuration is left alone; a different one is drift: the step is blocked with
 * what differs, never overwritten.
 */
final class SamlSsoStep implements RunStep<OnboardingParameters> {

    /** Stable (the engine compares plan details with the approved ones): the values come from step 3a. */
    static final String DETAILS = "service principal: preferredSingleSignOnMode = saml, appRoleAssignmentRequired = true\n"
            + "application: identifierUris = [NinjaOne's Entity ID from step 3a], web.redirectUris = [its Reply URL]\n"
            + "token-signing certificate: addTokenSigningCertificate (3 years), its thumbprint as "
            + "preferredTokenSigningKeyThumbprint";
    private final GraphClients graph;
    private final Clock clock;

    SamlSsoStep(GraphClients graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "saml-sso";
    }

    @Override
    public String title() {
        return "3 · SAML single sign-on";
    }

    static String otherModeDrift(SamlState saml) {
        return "Drift: the enterprise app uses single sign-on mode '" + saml.mode() + "', not SAML. SCIM Pilot does not "
                + "switch it without you: change it in Entra (Enterprise app → Single sign-on) or pick another app name, then "
                + "plan again.";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        SamlState saml = SamlState.of(graph, run);
        if (saml.otherMode()) {
            return StepPlan.blocked(otherModeDrift(saml));
        }
        var entityId = run.fact(Facts.SAML_ENTITY_ID);
        var replyUrl = run.fact(Facts.SAML_REPLY_URL);
        boolean ours = run.runId().equals(run.fact(Facts.SAML_CONFIGURED_BY_RUN).orElse(null));
        if (saml.complete() && (entityId.isEmpty() || saml.matches(entityId.get(), replyUrl.orElse("")))) {
            return StepPlan.inPlace("SAML SSO is set up (Entity ID " + saml.identifierUris().get(0) + ", certificate "
                    + saml.thumbprint() + (saml.certExpiresAt() == null ? "" : ", expires "
                    + saml.certExpiresAt().atOffset(ZoneOffset.UTC).toLocalDate()) + ") and is left as it is", saml.certFacts());
        }
        boolean foreign = !saml.identifierUris().isEmpty() && !ours
                && (entityId.isEmpty() || !saml.identifierUris().equals(List.of(entityId.get())));
        if (saml.complete() || foreign) {
            return StepPlan.blocked("Drift: the enterprise app already has a different SAML configuration (" + saml.describe()
                    + (entityId.map(e -> "; NinjaOne's Entity ID is " + e).orElse("")) + "). SCIM Pilot does not overwrite it: "
                    + "fix it in Entra (Enterprise app → Single sign-on → Basic SAML configuration) or remove it, then plan again.");
        }
        return StepPlan.change("Configure SAML SSO on the enterprise app with NinjaOne's Entity ID and Reply URL, and a "
                + "token-signing certificate (3 years)", DETAILS);
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String spId = run.requireFact(Facts.SERVICE_PRINCIPAL_ID);
        String entityId = run.requireFact(Facts.SAML_ENTITY_ID);
        String replyUrl = run.requireFact(Facts.SAML_REPLY_URL);
        // the mode first: Entra accepts a non-verified-domain Entity ID as identifier only on a SAML app
        ServicePrincipal mode = new ServicePrincipal();
        mode.setPreferredSingleSignOnMode("saml");
        mode.setAppRoleAssignmentRequired(true);
        g.servicePrincipals().byServicePrincipalId(spId).patch(mode);
        Application app = new Application();
        app.setIdentifierUris(List.of(entityId));
        WebApplication web = new WebApplication();
        web.setRedirectUris(List.of(replyUrl));
        app.setWeb(web);
        g.applications().byApplicationId(run.requireFact(Facts.APP_OBJECT_ID)).patch(app);
        run.facts().put(Facts.SAML_CONFIGURED_BY_RUN, run.runId()); // kept on failure: a retry continues, never reports drift
        String thumbprint = run.fact(Facts.SAML_CERT_THUMBPRINT).orElse(null);
        String expires = run.fact(Facts.SAML_CERT_EXPIRES_AT).orElse(null);
        if (thumbprint == null) { // a retry reuses the certificate an earlier attempt created
            AddTokenSigningCertificatePostRequestBody body = new AddTokenSigningCertificatePostRequestBody();
            body.setDisplayName("CN=" + p.appDisplayName() + " SAML " + p.emailDomain());
            body.setEndDateTime(OffsetDateTime.now(clock).plusYears(3));
            SelfSignedCertificate cert = g.servicePrincipals().byServicePrincipalId(spId).addTokenSigningCertificate().post(body);
            thumbprint = cert.getThumbprint();
            expires = cert.getEndDateTime().toInstant().toString();
            run.facts().put(Facts.SAML_CERT_THUMBPRINT, thumbprint);
            run.facts().put(Facts.SAML_CERT_EXPIRES_AT, expires);
        }
        ServicePrincipal preferred = new ServicePrincipal();
        preferred.setPreferredTokenSigningKeyThumbprint(thumbprint);
        g.servicePrincipals().byServicePrincipalId(spId).patch(preferred);
        return StepOutcome.did("SAML SSO configured: Entity ID " + entityId + ", Reply URL " + replyUrl
                        + ", token-signing certificate " + thumbprint + " (expires " + expires.substring(0, 10) + ")")
                .withFact(Facts.SAML_CONFIGURED_BY_RUN, run.runId()).withFact(Facts.SAML_CERT_THUMBPRINT, thumbprint)
                .withFact(Facts.SAML_CERT_EXPIRES_AT, expires);
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        SamlState saml = SamlState.read(graph.forTenant(run.parameters().tenantId()), run.requireFact(Facts.SERVICE_PRINCIPAL_ID),
                run.requireFact(Facts.APP_OBJECT_ID));
        if (!saml.complete() || !saml.matches(run.requireFact(Facts.SAML_ENTITY_ID), run.requireFact(Facts.SAML_REPLY_URL))) {
            return "the app's SAML configuration reads back as " + saml.describe();
        }
        return null;
    }
}
