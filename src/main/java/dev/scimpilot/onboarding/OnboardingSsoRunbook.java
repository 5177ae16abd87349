package dev.scimpilot.onboarding;

import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.onboarding.steps.Facts;
import dev.scimpilot.onboarding.steps.OnboardingSteps;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.scim.ScimEndpointProbe;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Onboarding of a client whose NinjaOne has no identity provider yet ({@code onboard-client-sso}): SAML SSO first,
 * the Entra side by Graph and NinjaOne's side as human steps the run pauses for, then SCIM as in
 * {@link OnboardingRunbook}. One approval covers the whole plan, human steps included.
 */
@Component
public class OnboardingSsoRunbook implements Runbook<OnboardingParameters> {

    private final List<RunStep<OnboardingParameters>> steps;
    private final OnboardingRunbook plain;

    public OnboardingSsoRunbook(GraphClients graph, NinjaOne ninja, SecretVault vault, ScimUrlPolicy policy,
            ScimEndpointProbe probe, RecordClientStep recordClient, Clock clock, NinjaOneProperties ninjaProperties,
            EntraProperties entra, OnboardingRunbook plain, IntuneStep intune) {
        this.plain = plain;
        List<RunStep<OnboardingParameters>> all = new java.util.ArrayList<>(OnboardingSteps.withSsoSetUp(graph, ninja, vault,
                policy, probe, clock, ninjaProperties.baseUrl(), entra.authorityHost(), recordClient));
        all.add(intune);
        this.steps = List.copyOf(all);
    }

    @Override
    public String kind() {
        return OnboardingParameters.SSO_RUN_KIND;
    }

    @Override
    public Class<OnboardingParameters> parametersType() {
        return OnboardingParameters.class;
    }

    @Override
    public String clientName(OnboardingParameters p) {
        return p.clientName();
    }

    @Override
    public List<RunStep<OnboardingParameters>> steps() {
        return steps;
    }

    @Override
    public String title() {
        return "Onboard client with SSO";
    }

    @Override
    public String tenantId(OnboardingParameters p) {
        return p.tenantId();
    }

    @Override
    public String resultSummary(Run run, OnboardingParameters p) {
        return p.clientName() + " has SAML single sign-on with NinjaOne and SCIM provisioning is on; the first user arrived "
                + "in NinjaOne. Entra runs the next provisioning cycle in about 40 minutes.";
    }

    @Override
    public Map<String, String> resultFacts(Run run, OnboardingParameters p) {
        Map<String, String> facts = new LinkedHashMap<>(plain.resultFacts(run, p));
        String expires = run.facts().get(Facts.SAML_CERT_EXPIRES_AT);
        if (expires != null && !expires.isBlank()) {
            facts.put("SAML certificate expiry", Instant.parse(expires).atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        return facts;
    }
}
