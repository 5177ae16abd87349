package dev.scimpilot.runs;

import java.util.ArrayList;
import java.util.List;

/** Plans steps read-only, from a given step on; a step whose check throws is shown as blocked, not hidden. */
final class Planning {

    private Planning() {}

    static <P extends Record> List<Run.Step> planSteps(Runbook<P> runbook, RunContext<P> context, int from, List<Run.Step> kept) {
        List<Run.Step> steps = new ArrayList<>(kept);
        List<RunStep<P>> all = runbook.steps();
        for (int i = from; i < all.size(); i++) {
            RunStep<P> step = all.get(i);
            StepPlan plan;
            try {
                plan = step.plan(context);
            } catch (RuntimeException e) {
                plan = StepPlan.blocked("Could not check this step: " + Failures.describe(e));
            }
            context.facts().putAll(plan.found());
            steps.add(new Run.Step(i, step.id(), step.title(), StepState.PENDING, plan.kind(), plan.summary(),
                    plan.details(), null, null, null, 0, null, null));
        }
        return steps;
    }
}
