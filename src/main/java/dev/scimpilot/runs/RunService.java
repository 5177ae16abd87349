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
import java.util.Optional;
import java.util.UUID;
import dev.scimpilot.secrets.Secret;
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
                RunStatus.APPROVED, RunStatus.RUNNING, RunStatus.FAILED, RunStatus.WAITING);
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

    /** The card of the run's human step {@code index}: what to do, what to copy, what to enter. */
    public Optional<HumanTask> humanTask(Run run, int index) {
        return humanTask(run, runbooks.get(run.kind()), index);
    }

    private <P extends Record> Optional<HumanTask> humanTask(Run run, Runbook<P> runbook, int index) {
        if (index < 0 || index >= runbook.steps().size() || !(runbook.steps().get(index) instanceof HumanStep<P> human)) {
            return Optional.empty();
        }
        return Optional.of(human.task(new RunContext<>(run.id(), runbooks.parameters(run, runbook), new HashMap<>(run.facts()))));
    }

    /**
     * A person's answer to the human step the run waits at ({@code stepNumber} = index + 1, as on the card): checked
     * here (who, run state, plan version, step, required inputs, then the step's own checks) before anything is
     * recorded; a refused answer changes nothing. Text inputs come in the order the task declares them.
     */
    public Outcome answer(String runId, int planVersion, int stepNumber, ChatUser user, List<String> texts, Secret secret) {
        Run run = runs.find(runId).orElse(null);
        if (run == null) {
            return Outcome.refused("I cannot find that run. Nothing was changed.", null);
        }
        var refusal = whyNotAnswerer(user, run);
        if (refusal.isPresent()) {
            audit.record(user.aadObjectId(), user.displayName(), "step.answer-refused", runId, run.clientName(), refusal.get());
            return Outcome.refused(refusal.get(), run);
        }
        Optional<Run.Step> waiting = run.steps().stream().filter(s -> s.state() == StepState.WAITING).findFirst();
        if (run.status() != RunStatus.WAITING || waiting.isEmpty() || run.planVersion() != planVersion
                || waiting.get().index() + 1 != stepNumber) {
            return Outcome.refused("This step is not waiting for an answer any more (run " + run.shortId() + " is "
                    + run.status().label() + "). Nothing was changed.", run);
        }
        return answer(run, runbooks.get(run.kind()), waiting.get(), user, texts, secret);
    }

    private <P extends Record> Outcome answer(Run run, Runbook<P> runbook, Run.Step step, ChatUser user, List<String> texts,
            Secret secret) {
        HumanStep<P> human = (HumanStep<P>) runbook.steps().get(step.index());
        RunContext<P> context = new RunContext<>(run.id(), runbooks.parameters(run, runbook), new HashMap<>(run.facts()));
        HumanTask task = human.task(context);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        int slot = 0;
        for (HumanTask.Input input : task.inputs()) {
            if (input.secret()) {
                if (input.required() && (secret == null || secret.isBlank())) {
                    missing.add(input.label());
                }
                continue;
            }
            String value = slot < texts.size() && texts.get(slot) != null ? texts.get(slot).strip() : "";
            slot++;
            if (input.required() && value.isEmpty()) {
                missing.add(input.label());
            }
            values.put(input.id(), value);
        }
        if (!missing.isEmpty()) {
            return Outcome.refused("Please fill in: " + String.join(", ", missing) + ". Nothing was changed.", run);
        }
        HumanStep.Accepted accepted;
        try {
            accepted = human.accept(context, new HumanAnswer(values, secret, user.aadObjectId(), user.displayName()));
        } catch (HumanStep.Refused e) {
            return Outcome.refused(e.getMessage() + " Nothing was changed.", run);
        } catch (RuntimeException e) {
            log.warn("run={} human step {} could not check the answer", run.shortId(), step.stepId(), e);
            return Outcome.refused("I could not check that answer: " + Failures.describe(e) + " Nothing was changed.", run);
        }
        Instant now = clock.instant();
        // the claim: two people answering at once, or an answer racing a cancel, record one answer at most
        if (!runs.transition(run.id(), List.of(RunStatus.WAITING), RunStatus.RUNNING, now)) {
            Run current = runs.find(run.id()).orElseThrow();
            return Outcome.refused("This step was answered or the run stopped meanwhile (run " + current.shortId() + " is "
                    + current.status().label() + "). Nothing was changed.", current);
        }
        Map<String, String> facts = new HashMap<>(accepted.facts());
        facts.put("human." + step.stepId() + ".by", user.displayName());
        facts.put("human." + step.stepId() + ".at", now.toString());
        runs.addFacts(run.id(), facts);
        String when = java.time.format.DateTimeFormatter.ofPattern("dd MMM HH:mm").withZone(java.time.ZoneOffset.UTC).format(now);
        runs.stepFinished(run.id(), step.index(), StepState.DONE, accepted.did() + " (" + user.displayName() + ", " + when
                + " UTC)", null, null, now);
        audit.record(user.aadObjectId(), user.displayName(), "step.answered", run.id(), run.clientName(),
                step.title() + ": " + accepted.did());
        scheduler.scheduleNext(run.id(), now);
        return Outcome.ok("Thanks, " + user.displayName() + ": " + step.title() + " is recorded. Continuing run "
                + run.shortId() + ".", notify(run.id()));
    }

    /** Why {@code user} may not answer the human steps of run {@code runId} (empty: they may, or no such run). */
    public Optional<String> whyNotAnswererOf(String runId, ChatUser user) {
        return runs.find(runId).flatMap(run -> whyNotAnswerer(user, run).map(why -> {
            audit.record(user.aadObjectId(), user.displayName(), "step.answer-refused", runId, run.clientName(), why);
            return why;
        }));
    }

    /** The technician who asked for the run or the approver who approved it, and still in that role. */
    public Optional<String> whyNotAnswerer(ChatUser user, Run run) {
        String id = user == null ? null : user.aadObjectId();
        boolean requester = id != null && id.equalsIgnoreCase(run.requester().id()) && access.isTechnician(user);
        boolean approver = id != null && run.approver() != null && id.equalsIgnoreCase(run.approver().id()) && access.isApprover(user);
        if (requester || approver) {
            return Optional.empty();
        }
        return Optional.of("Only " + run.requester().name() + " (who asked for run " + run.shortId() + ")"
                + (run.approver() == null ? "" : " or " + run.approver().name() + " (who approved it)")
                + " may answer this step. Nothing was changed.");
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
