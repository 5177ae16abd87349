package dev.scimpilot.onboarding.steps;

import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runbook step 8's "Verify in NinjaOne": end users of the organization against the licensed users the rule and the
 * Switch put there; this client's users that landed as global end users are a warning, not a failure.
 */
final class VerifyNinjaOneStep implements RunStep<OnboardingParameters> {

    private final NinjaOne ninja;

    VerifyNinjaOneStep(NinjaOne ninja) {
        this.ninja = ninja;
    }

    @Override
    public String id() {
        return "verify-ninjaone";
    }

    @Override
    public String title() {
        return "8 · Verify in NinjaOne";
    }

    /** What NinjaOne shows now: end users in the organization, and this client's global end users. */
    private record Count(int inOrganization, List<String> global) {}

    private Count count(OnboardingParameters p) {
        CompletableFuture<List<NinjaEndUser>> org = Graphs.async(() -> ninja.endUsers(p.ninjaOrganizationId()));
        CompletableFuture<List<NinjaEndUser>> global = Graphs.async(ninja::globalEndUsers);
        Graphs.join(List.of(org, global));
        String domain = "@" + p.emailDomain().toLowerCase(Locale.ROOT);
        List<String> ours = global.join().stream().map(NinjaEndUser::email)
                .filter(e -> e != null && e.toLowerCase(Locale.ROOT).endsWith(domain)).sorted().toList();
        return new Count(org.join().size(), ours);
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        int expected = Integer.parseInt(run.fact(Facts.EXPECTED_END_USERS).orElse("0"));
        Count now = count(p);
        if (expected > 0 && now.inOrganization() >= expected) {
            return StepPlan.inPlace(result(p, expected, now), Map.of());
        }
        return StepPlan.change("Check that the " + expected + " expected end users arrive in NinjaOne organization "
                + p.ninjaOrganizationId(), "expect " + expected + " end users in NinjaOne organization "
                + p.ninjaOrganizationId() + " (" + p.ninjaOrganizationName() + ")");
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        int expected = Integer.parseInt(run.fact(Facts.EXPECTED_END_USERS).orElse("0"));
        return StepOutcome.did(result(p, expected, count(p)));
    }

    private static String result(OnboardingParameters p, int expected, Count now) {
        String s = now.inOrganization() + " of " + expected + " expected end users are in NinjaOne organization "
                + p.ninjaOrganizationId();
        if (now.inOrganization() < expected) {
            s += "; the rest should arrive with the next provisioning cycle (about 40 min)";
        }
        if (!now.global().isEmpty()) {
            s += ". Warning: " + now.global().size() + " user(s) of " + p.emailDomain() + " landed as global end users "
                    + "(companyName mismatch): " + String.join(", ", now.global().subList(0, Math.min(5, now.global().size())));
        }
        return s;
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        // fewer than expected is normal until the next cycle; none at all means provisioning does not reach NinjaOne
        return ninja.endUsers(run.parameters().ninjaOrganizationId()).isEmpty()
                ? "NinjaOne organization " + run.parameters().ninjaOrganizationId() + " has no end users; check the "
                + "provisioning logs in Entra (companyName mismatch, token rejected by NinjaOne)" : null;
    }
}
