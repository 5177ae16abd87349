package dev.scimpilot.onboarding;

import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.onboarding.steps.OnboardingSteps;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The per-client onboarding runbook (steps 1, 2, 5, 6, 7, 8, the NinjaOne check, the registry, and step 9 for Intune
 * clients as a human step) as a run: {@code onboard-client}.
 */
@Component
public class OnboardingRunbook implements Runbook<OnboardingParameters> {

    /** NinjaOne SCIM tokens expire six months after they are generated (runbook step 4). */
    static final int TOKEN_LIFETIME_MONTHS = 6;
    private final List<RunStep<OnboardingParameters>> steps;
    private final Clock clock;

    public OnboardingRunbook(GraphClients graph, NinjaOne ninja, SecretVault vault, ScimUrlPolicy policy,
            RecordClientStep recordClient, IntuneStep intune, Clock clock) {
        this.clock = clock;
        this.steps = new ArrayList<>(OnboardingSteps.all(graph, ninja, vault, policy));
        this.steps.add(recordClient); // the runbook's Client Registry, once everything is in place
        this.steps.add(intune); // step 9, a human step; skipped when the client does not use Intune
    }

    @Override
    public String kind() {
        return OnboardingParameters.RUN_KIND;
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
        return List.copyOf(steps);
    }

    @Override
    public String title() {
        return "Onboard client";
    }

    @Override
    public String tenantId(OnboardingParameters p) {
        return p.tenantId();
    }

    @Override
    public String resultSummary(Run run, OnboardingParameters p) {
        return p.clientName() + " is onboarded: SCIM provisioning is on and the first user arrived in NinjaOne. Entra runs "
                + "the next provisioning cycle in about 40 minutes and every ~40 minutes after that; new licensed users "
                + "appear in NinjaOne then.";
    }

    @Override
    public Map<String, String> resultFacts(Run run, OnboardingParameters p) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("NinjaOne organization", p.ninjaOrganizationName() + " (" + p.ninjaOrganizationId() + ")");
        facts.put("Email domain", p.emailDomain());
        facts.put("Entra tenant id", p.tenantId());
        facts.put("SCIM token expiry", tokenExpiry().toString());
        return facts;
    }

    /** The token was generated for this onboarding, so it expires six months from today. */
    LocalDate tokenExpiry() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusMonths(TOKEN_LIFETIME_MONTHS);
    }
}
