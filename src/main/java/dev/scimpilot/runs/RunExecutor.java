package dev.scimpilot.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.scimpilot.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one step of an approved run per call, off the request thread: re-plans it, stops for a new
 * approval if the tenant drifted from the approved plan in a way that matters, applies, verifies,
 * records, and schedules the next step. No automatic rollback: a failed step stops the run with its
 * cause, and an idempotent retry finishes it.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    /** The bot itself as an actor in the audit trail. */
    static final String BOT = "scim-pilot";
    static final String BOT_NAME = "SCIM Pilot";

    private final RunRepository runs;
    private final Runbooks runbooks;
    private final RunScheduler scheduler;
    private final RunListeners listeners;
    private final RunProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    RunExecutor(RunRepository runs, Runbooks runbooks, RunScheduler scheduler, RunListeners listeners,
            RunProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.runs = runs;
        this.runbooks = runbooks;
        this.scheduler = scheduler;
        this.listeners = listeners;
        this.properties = properties;
        this.clock = clock;
    }

    void advance(String runId) {
        Run run = runs.find(runId).orElse(null);
        if (run == null || !(run.status() == RunStatus.APPROVED || run.status() == RunStatus.RUNNING)) {
            return; // cancelled, failed or finished meanwhile: nothing to do
        }
        advance(run, runbooks.get(run.kind()));
    }

    private <P extends Record> void advance(Run run, Runbook<P> runbook) {
        Instant now = clock.instant();
        runs.transition(run.id(), List.of(RunStatus.APPROVED), RunStatus.RUNNING, now);
        // A RUNNING step here means the previous attempt died mid-step (restart): run it again; steps are idempotent.
        // A WAITING step in a run that is not WAITING means the bot stopped while pausing it: pause again.
        Optional<Run.Step> next = run.steps().stream()
                .filter(s -> s.state() == StepState.PENDING || s.state() == StepState.RUNNING || s.state() == StepState.WAITING)
                .findFirst();
        if (next.isEmpty()) {
            if (runs.transition(run.id(), List.of(RunStatus.RUNNING), RunStatus.SUCCEEDED, now)) {
                runs.finish(run.id(), RunStatus.SUCCEEDED, null, now);
                audit.record(BOT, BOT_NAME, "run.succeeded", run.id(), run.clientName(), null);
            }
            notify(run.id());
            return;
        }
        Run.Step step = next.get();
        RunStep<P> impl = runbook.steps().get(step.index());
        RunContext<P> context = new RunContext<>(run.id(), runbooks.parameters(run, runbook), new HashMap<>(run.facts()));
        runs.stepStarted(run.id(), step.index(), now);
        notify(run.id());
        try {
            StepPlan plan = impl.plan(context);
            context.facts().putAll(plan.found());
            if (plan instanceof StepPlan.Blocked blocked) {
                fail(run, step, "Blocked: " + blocked.summary(), context);
                return;
            }
            if (impl.changesTenant() && drifted(step, plan)) {
                askAgain(run, runbook, context, step);
                return;
            }
            if (plan instanceof StepPlan.Human) {
                waitForPerson(run, step, impl, context);
                return;
            }
            if (plan instanceof StepPlan.InPlace inPlace) {
                runs.addFacts(run.id(), context.facts());
                runs.stepFinished(run.id(), step.index(), StepState.SKIPPED, "Already in place: " + inPlace.summary(), null, null, clock.instant());
                audit.record(BOT, BOT_NAME, "step.skipped", run.id(), run.clientName(), step.title() + ": " + inPlace.summary());
            } else {
                StepOutcome outcome = impl.apply(context);
                context.facts().putAll(outcome.facts());
                runs.addFacts(run.id(), context.facts());
                String problem = impl.verify(context);
                if (problem != null) {
                    fail(run, step, "Applied, but the check afterwards failed: " + problem, context);
                    return;
                }
                runs.stepFinished(run.id(), step.index(), StepState.DONE, outcome.did(),
                        String.join(", ", outcome.requestIds()), null, clock.instant());
                audit.record(BOT, BOT_NAME, "step.done", run.id(), run.clientName(), step.title() + ": " + outcome.did()
                        + (outcome.requestIds().isEmpty() ? "" : " (request ids " + String.join(", ", outcome.requestIds()) + ")"));
            }
        } catch (RuntimeException e) {
            log.warn("run={} step={} failed", run.shortId(), step.stepId(), e);
            fail(run, step, Failures.describe(e), context);
            return;
        }
        log.info("run={} step={} finished", run.shortId(), step.stepId());
        notify(run.id());
        scheduler.scheduleNext(run.id(), clock.instant());
    }

    /**
     * A human step: the run pauses (WAITING, persisted, so a restart changes nothing) until a person answers its
     * card ({@link RunService#answer}); no task is scheduled meanwhile.
     */
    private <P extends Record> void waitForPerson(Run run, Run.Step step, RunStep<P> impl, RunContext<P> context) {
        if (!(impl instanceof HumanStep)) {
            fail(run, step, "this step asked for a person but is not a human step (a bug in its runbook)", context);
            return;
        }
        Instant now = clock.instant();
        runs.addFacts(run.id(), context.facts());
        runs.stepWaiting(run.id(), step.index(), now);
        if (!runs.transition(run.id(), List.of(RunStatus.RUNNING), RunStatus.WAITING, now)) {
            return; // cancelled meanwhile
        }
        audit.record(BOT, BOT_NAME, "step.waiting", run.id(), run.clientName(), step.title() + ": waiting for "
                + run.requester().name());
        log.info("run={} step={} waits for a person", run.shortId(), step.stepId());
        notify(run.id());
    }

    /** A step approved as "already in place" now needs a change, or its change differs from what was approved. */
    private static boolean drifted(Run.Step approved, StepPlan now) {
        if (now instanceof StepPlan.InPlace) {
            return false; // less to do than approved (e.g. a retry after a partial apply) is always fine
        }
        return "IN_PLACE".equals(approved.planKind())
                || !Objects.equals(approved.planDetails(), now.details());
    }

    private <P extends Record> void askAgain(Run run, Runbook<P> runbook, RunContext<P> context, Run.Step step) {
        Instant now = clock.instant();
        List<Run.Step> kept = new ArrayList<>(run.steps().subList(0, step.index()));
        List<Run.Step> steps = Planning.planSteps(runbook, context, step.index(), kept);
        runs.replaceSteps(run.id(), steps);
        for (Run.Step s : kept) {
            runs.stepFinished(run.id(), s.index(), s.state(), s.result(), s.requestIds(), s.error(), s.finishedAt());
        }
        runs.addFacts(run.id(), context.facts());
        runs.newPlanVersion(run.id(), run.planVersion() + 1, now.plus(properties.approvalTtl()), now);
        audit.record(BOT, BOT_NAME, "run.replanned", run.id(), run.clientName(),
                "stopped before " + step.title() + ": the tenant changed since approval; plan version " + (run.planVersion() + 1));
        notify(run.id());
    }

    private void fail(Run run, Run.Step step, String cause, RunContext<?> context) {
        Instant now = clock.instant();
        runs.addFacts(run.id(), context.facts());
        runs.stepFinished(run.id(), step.index(), StepState.FAILED, null, null, cause, now);
        if (runs.transition(run.id(), List.of(RunStatus.RUNNING, RunStatus.APPROVED), RunStatus.FAILED, now)) {
            runs.finish(run.id(), RunStatus.FAILED, step.title() + ": " + cause, now);
        }
        audit.record(BOT, BOT_NAME, "step.failed", run.id(), run.clientName(), step.title() + ": " + cause);
        notify(run.id());
    }

    private void notify(String runId) {
        runs.find(runId).ifPresent(listeners::runChanged);
    }

}
