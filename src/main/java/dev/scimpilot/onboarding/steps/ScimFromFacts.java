package dev.scimpilot.onboarding.steps;

import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.secrets.SecretRef;
import java.util.Map;

/**
 * For the SSO set-up: a step that needs the SCIM endpoint and token (step 6, the registry) gets them from the run's
 * SCIM step (facts: URL and vault reference) instead of the form. Before that step has been answered, the SCIM
 * job is planned as "create, with what you enter in step 4"; afterwards the inner step plans as usual, and its
 * details are reported as approved, since the endpoint itself was unknown at approval.
 */
public final class ScimFromFacts implements RunStep<OnboardingParameters> {

    static final String PENDING = "job, credentials (the SCIM endpoint and token you enter in step 4, tested there), "
            + "the two NinjaOne attributes and both expression mappings";
    private final RunStep<OnboardingParameters> inner;
    private final boolean needsScimToPlan;

    public ScimFromFacts(RunStep<OnboardingParameters> inner, boolean needsScimToPlan) {
        this.inner = inner;
        this.needsScimToPlan = needsScimToPlan;
    }

    static RunContext<OnboardingParameters> withScim(RunContext<OnboardingParameters> run) {
        var url = run.fact(Facts.SCIM_URL);
        var name = run.fact(Facts.SCIM_TOKEN_NAME);
        var version = run.fact(Facts.SCIM_TOKEN_VERSION);
        if (url.isEmpty() || name.isEmpty() || version.isEmpty()) {
            return run;
        }
        // the same facts map: what the inner step records reaches the engine
        return new RunContext<>(run.runId(), run.parameters().withScim(url.get(), new SecretRef(name.get(), version.get())),
                run.facts());
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public String title() {
        return inner.title();
    }

    @Override
    public boolean changesTenant() {
        return inner.changesTenant();
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        RunContext<OnboardingParameters> scim = withScim(run);
        if (scim == run && needsScimToPlan) {
            return new StepPlan.Change("Create the provisioning job with the SCIM endpoint and token from step 4, test them, "
                    + "add the NinjaOne attributes and mappings", PENDING, Map.of(), true);
        }
        StepPlan plan = inner.plan(scim);
        if (needsScimToPlan && plan instanceof StepPlan.Change c) {
            return new StepPlan.Change(c.summary(), PENDING, c.found(), c.creates());
        }
        return plan;
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        return inner.apply(withScim(run));
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        return inner.verify(withScim(run));
    }
}
