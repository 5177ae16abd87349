package dev.scimpilot.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.chat.ChatUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Plans runs, takes the approver's decision, and hands approved runs to the scheduler. Every decision
 * is re-checked here against the stored run (state, plan version, who clicked); card data only says
 * which run the click is about.
 */
@Service
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    static final ObjectMapper PARAMS = new ObjectMapper().registerModule(new JavaTimeModule());

    /** The answer to a decision or command on a run: it happened, or why not (fit for chat). */
    public record Outcome(boolean done, String message, Run run) {
        static Outcome ok(String message, Run run) {
            return new Outcome(true, message, run);
        }

        static Outcome refused(String message, Run run) {
            return new Outcome(false, message, run);
        }
    }

    private final RunRepository runs;
    private final Runbooks runbooks;
    private final AccessPolicy access;
    private final RunProperties properties;
    private final RunScheduler scheduler;
    private final RunListeners listeners;
    private final Clock clock;
    private final AuditLog audit;

    public RunService(RunRepository runs, Runbooks runbooks, AccessPolicy access, RunProperties properties,
            RunScheduler scheduler, RunListeners listeners, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.runs = runs;
        this.runbooks = runbooks;
        this.access = access;
        this.properties = properties;
        this.scheduler = scheduler;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Creates a run and plans every step read-only. Callers check that the requester is a technician. */
    public <P extends Record> Run plan(Runbook<P> runbook, P parameters, ChatUser requester, String conversationId) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        RunContext<P> context = new RunContext<>(id, parameters, new HashMap<>());
        List<Run.Step> steps = Planning.planSteps(runbook, context, 0, List.of());
        boolean blocked = steps.stream().anyMatch(s -> "BLOCKED".equals(s.planKind()));
        RunStatus status = blocked ? RunStatus.PLANNED : RunStatus.AWAITING_APPROVAL;
        Run run = new Run(id, runbook.kind(), runbook.clientName(parameters), json(parameters), Map.copyOf(context.facts()),
                status, 1, conversationId, new Run.Actor(requester.aadObjectId(), requester.displayName()), null, null,
                now.plus(properties.approvalTtl()), now, now, null, null, steps);
        runs.insert(run);
        runs.replaceSteps(id, steps);
        audit.record(requester.aadObjectId(), requester.displayName(), "run.planned", id, run.clientName(),
                run.kind() + ", plan version 1, " + status.label() + ": " + steps.stream()
                        .map(s -> s.title() + " = " + s.planKind()).reduce((a, b) -> a + "; " + b).orElse(""));
        return notify(id);
    }

    public Outcome approve(String runId, int planVersion, ChatUser user) {
        Run run = runs.find(runId).orElse(null);
        if (run == null) {
            return Outcome.refused("I cannot find that run. Nothing was changed.", null);
        }
        var refusal = access.whyNotApprover(user, run.requester().id());
        if (refusal.isPresent()) {
            audit.record(user.aadObjectId(), user.displayName(), "run.approval-refused", runId, run.clientName(), refusal.get());
            return Outcome.refused(refusal.get(), run);
        }
        Instant now = clock.instant();
        if (!runs.decide(runId, planVersion, RunStatus.APPROVED, actor(user), null, now)) {
            String why = whyNotDecidable(runs.find(runId).orElseThrow(), planVersion, now);
            audit.record(user.aadObjectId(), user.displayName(), "run.approval-refused", runId, run.clientName(), why);
            return Outcome.refused(why, notify(runId));
        }
        audit.record(user.aadObjectId(), user.displayName(), "run.approved", runId, run.clientName(), "plan version " + planVersion);
        scheduler.scheduleNext(runId, now);
        return Outcome.ok("Approved by " + user.displayName() + ". Applying now.", notify(runId));
    }

    public Outcome reject(String runId, int planVersion, ChatUser user, String reason) {
        Run run = runs.find(runId).orElse(null);
        if (run == null) {
            return Outcome.refused("I cannot find that run. Nothing was changed.", null);
        }
        if (!access.isApprover(user)) {
            return Outcome.refused("Only approvers may reject a plan; to withdraw your own request, use `cancel run "
                    + run.shortId() + "`.", run);
        }
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        if (!runs.decide(runId, planVersion, RunStatus.REJECTED, actor(user), why, now)) {
            return Outcome.refused(whyNotDecidable(runs.find(runId).orElseThrow(), planVersion, now), notify(runId));
        }
        runs.finish(runId, RunStatus.REJECTED, null, now);
        audit.record(user.aadObjectId(), user.displayName(), "run.rejected", runId, run.clientName(), why);
        return Outcome.ok("Rejected by " + user.displayName() + ": " + why + ". Nothing was changed.", notify(runId));
    }

    /** Stops a run before its next step; a step already running finishes first. */
    public Outcome cancel(String runId, ChatUser user) {
        Run run = runs.find(runId).orElse(null);
        if (run == null) {
            return Outcome.refused("I cannot find that run.", null);
        }
        if (!user.aadObjectId().equals(run.requester().id()) && !access.isApprover(user)) {
            return Outcome.refused("Only the requester or an approver may cancel this run.", run);
        }
        List<RunStatus> cancellable = List.of(RunStatus.DRAFT, RunStatus.PLANNED, RunStatus.AWAITING_APPROVAL,
                RunStatus.APPROVED, RunStatus.RUNNING, RunStatus.FAILED);
        Instant now = clock.instant();
        if (!runs.transition(runId, cancellable, RunStatus.CANCELLED, now)) {
            return Outcome.refused("Run " + run.shortId() + " is " + run.status().label() + " and cannot be cancelled.", run);
        }
        runs.finish(runId, RunStatus.CANCELLED, "cancelled by " + user.displayName(), now);
        audit.record(user.aadObjectId(), user.displayName(), "run.cancelled", runId, run.clientName(), null);
        return Outcome.ok("Run " + run.shortId() + " cancelled by " + user.displayName()
                + ". Steps already applied stay in place; nothing else will run.", notify(runId));
    }

    /** Resumes a failed run from the failed step, under the approval it already has. */
    public Outcome retry(String runId, ChatUser user) {
        Run run = runs.find(runId).orElse(null);
        if (run == null) {
            return Outcome.refused("I cannot find that run.", null);
        }
        var refusal = access.whyNotTechnician(user);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get(), run);
        }
        Instant now = clock.instant();
        if (run.status() != RunStatus.FAILED || !runs.transition(runId, List.of(RunStatus.FAILED), RunStatus.APPROVED, now)) {
            return Outcome.refused("Only a failed run can be retried; run " + run.shortId() + " is " + run.status().label() + ".", run);
        }
        run.steps().stream().filter(s -> s.state() == StepState.FAILED).forEach(s -> runs.resetStep(runId, s.index()));
        scheduler.scheduleNext(runId, now);
        audit.record(user.aadObjectId(), user.displayName(), "run.retried", runId, run.clientName(), null);
        return Outcome.ok("Retrying run " + run.shortId() + " from the step that failed.", notify(runId));
    }

    /** Records facts a person reported about a run (e.g. a checklist), with who and when. */
    public Run recordFacts(String runId, java.util.Map<String, String> facts) {
        runs.addFacts(runId, facts);
        return runs.find(runId).orElseThrow();
    }

    private String whyNotDecidable(Run run, int planVersion, Instant now) {
        if (run.status() == RunStatus.AWAITING_APPROVAL && run.planVersion() != planVersion) {
            return "This card shows plan version " + planVersion + ", but the plan has changed since (now version "
                    + run.planVersion() + "). Please look at the latest plan card.";
        }
        if (run.status() == RunStatus.AWAITING_APPROVAL && run.approvalExpiresAt() != null && !run.approvalExpiresAt().isAfter(now)) {
            return "This plan expired at " + run.approvalExpiresAt() + ". Start the command again for a fresh plan.";
        }
        if (run.approver() != null && run.status() == RunStatus.REJECTED) {
            return "Run " + run.shortId() + " was already rejected by " + run.approver().name() + ". Nothing was changed.";
        }
        if (run.approver() != null) {
            return "Run " + run.shortId() + " was already approved by " + run.approver().name() + " (now "
                    + run.status().label() + "). Nothing was changed.";
        }
        return "Run " + run.shortId() + " is " + run.status().label() + " and cannot be decided any more. Nothing was changed.";
    }

    private Run notify(String runId) {
        Run run = runs.find(runId).orElseThrow();
        listeners.runChanged(run);
        return run;
    }

    private static Run.Actor actor(ChatUser user) {
        return new Run.Actor(user.aadObjectId(), user.displayName());
    }

    static String json(Object parameters) {
        try {
            return PARAMS.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
