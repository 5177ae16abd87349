package dev.scimpilot.onboarding;

import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.clients.SamlCertificate;
import dev.scimpilot.onboarding.steps.Facts;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runbook "Client Registry": records the client (name, NinjaOne org id, email domain, SCIM token expiry =
 * today + 6 months, Entra tenant id) and the ids of what was set up, so reminders, checks and rotation
 * find them. The token stays in the vault; the registry keeps its reference and dates.
 */
@Component
public class RecordClientStep implements RunStep<OnboardingParameters> {

    private final ClientRegistry registry;
    private final RunRepository runs;
    private final Clock clock;

    RecordClientStep(ClientRegistry registry, RunRepository runs, Clock clock) {
        this.registry = registry;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "record-client";
    }

    @Override
    public String title() {
        return "Client registry entry";
    }

    /** The registry is SCIM Pilot's own bookkeeping, not the client tenant. */
    @Override
    public boolean changesTenant() {
        return false;
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        String details = describe(p);
        return registry.byName(p.clientName())
                .map(existing -> sameAs(existing, p, run)
                        ? StepPlan.inPlace("registered with this SCIM token", Map.of("clientId", existing.id()))
                        : StepPlan.change("will update the registry entry", details, Map.of("clientId", existing.id())))
                .orElseGet(() -> StepPlan.create("will add " + p.clientName() + " to the registry", details));
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        Instant now = clock.instant();
        Instant expires = now.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        Run current = runs.find(run.runId()).orElseThrow();
        String id = run.fact("clientId").orElseGet(() -> UUID.randomUUID().toString());
        registry.save(new Client(id, p.clientName(), p.ninjaOrganizationId(), p.ninjaOrganizationName(), p.emailDomain(),
                p.tenantId(), p.extraCompanyNames(), p.fallback(), p.groupName(), run.fact("groupId").orElse(null),
                p.appDisplayName(), run.fact("appObjectId").orElse(null), run.fact("appId").orElse(null),
                run.fact("servicePrincipalId").orElse(null), run.fact("jobId").orElse(null), p.scimUrl(),
                p.scimToken() == null ? null : p.scimToken().name(), p.scimToken() == null ? null : p.scimToken().version(),
                now, expires, current.conversationId(), current.requester().name(), now, run.runId(), now));
        // SAML SSO set up (or found) by this run: its token-signing certificate expires too, so the registry keeps it
        var samlThumbprint = run.fact(Facts.SAML_CERT_THUMBPRINT);
        var samlExpires = run.fact(Facts.SAML_CERT_EXPIRES_AT);
        String saml = "";
        if (samlThumbprint.isPresent() && samlExpires.isPresent()) {
            Instant certExpires = Instant.parse(samlExpires.get());
            registry.saveSamlCertificate(id, new SamlCertificate(samlThumbprint.get(), certExpires));
            saml = "; SAML signing certificate expires " + certExpires.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return StepOutcome.did("Recorded; SCIM token expires " + expires.atOffset(ZoneOffset.UTC).toLocalDate() + saml)
                .withFact("clientId", id);
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        return registry.byName(run.parameters().clientName()).isPresent() ? null : "the registry entry is missing";
    }

    /**
     * The same client, org, domain, tenant, Switch keys and job: nothing to record again. The token's dates are
     * not compared: a re-run keeps a working token in Entra (step 6), so its recorded expiry stays right; a new
     * token is recorded by {@code rotate token}.
     */
    private static boolean sameAs(Client c, OnboardingParameters p, RunContext<OnboardingParameters> run) {
        return c.ninjaOrgId() == p.ninjaOrganizationId() && c.emailDomain().equalsIgnoreCase(p.emailDomain())
                && c.tenantId().equalsIgnoreCase(p.tenantId()) && c.switchKeys().equals(p.extraCompanyNames())
                && Objects.equals(c.jobId(), run.fact("jobId").orElse(c.jobId()));
    }

    private static String describe(OnboardingParameters p) {
        return p.clientName() + " · NinjaOne org " + p.ninjaOrganizationId() + " · " + p.emailDomain() + " · tenant "
                + p.tenantId() + " · SCIM token expiry = day of the run + 6 months";
    }
}
