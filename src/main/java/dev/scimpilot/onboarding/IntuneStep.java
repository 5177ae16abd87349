package dev.scimpilot.onboarding;

import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.runs.HumanAnswer;
import dev.scimpilot.runs.HumanStep;
import dev.scimpilot.runs.HumanTask;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.StepPlan;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runbook step 9 (optional): Intune in NinjaOne, which has no API for it, as a human step at the end of the
 * onboarding: the run waits for the technician to enable the Intune app and run a device discovery job, records who
 * did it and when, then finishes. Clients without Intune skip it. The client is already in the registry by then.
 */
@Component
public class IntuneStep implements HumanStep<OnboardingParameters> {

    static final List<String> INSTRUCTIONS = List.of(
            "Administration → Apps → Installed → Add app → Microsoft Intune → Enable.",
            "Administration → Devices → Discovery → Intune device discovery → new discovery job.",
            "Sign in with Microsoft (an admin account with Intune access); pick the organization below and its location.",
            "Select the relevant Entra device groups.",
            "Run the discovery and check that user-to-device assignments appear.");
    private final String ninjaBaseUrl;

    IntuneStep(NinjaOneProperties ninja) {
        this.ninjaBaseUrl = ninja.baseUrl();
    }

    @Override
    public String id() {
        return "intune";
    }

    @Override
    public String title() {
        return "9 · Intune in NinjaOne (you)";
    }

    /** NinjaOne's side only: nothing in the client tenant changes. */
    @Override
    public boolean changesTenant() {
        return false;
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        if (!run.parameters().usesIntune()) {
            return StepPlan.inPlace("Not needed: the client does not use Intune", Map.of());
        }
        return StepPlan.human("In NinjaOne, enable the Intune app and run an Intune device discovery for the organization");
    }

    @Override
    public HumanTask task(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        return new HumanTask(INSTRUCTIONS, "Open NinjaOne → Apps", ninjaBaseUrl + "/#/administration/apps/installed",
                List.of(new HumanTask.Copy("NinjaOne organization", p.ninjaOrganizationName() + " (" + p.ninjaOrganizationId() + ")")),
                List.of(), "Intune discovery done");
    }

    @Override
    public Accepted accept(RunContext<OnboardingParameters> run, HumanAnswer answer) {
        return new Accepted("Intune app enabled and device discovery run in NinjaOne", Map.of());
    }
}
