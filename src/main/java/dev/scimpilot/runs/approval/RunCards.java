package dev.scimpilot.runs.approval;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.HumanStepCard;
import dev.scimpilot.cards.RunPlanCard;
import dev.scimpilot.cards.RunProgressCard;
import dev.scimpilot.cards.RunResultCard;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunListener;
import dev.scimpilot.runs.HumanTask;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.RunStatus;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.runs.Runbooks;
import dev.scimpilot.runs.StepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps a run's cards in its conversation up to date: the plan card (until decided), one progress card
 * updated in place after every step, and a result card at the end. Cards are keyed by run, so a repeated
 * notification updates the same card instead of posting a new one.
 */
@Component
public class RunCards implements RunListener {

    private static final Object[] LOCKS = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private final ProactiveMessenger messenger;
    private final RunRepository runs;
    private final Runbooks runbooks;
    private final AccessPolicy access;
    private final RunService service;

    RunCards(ProactiveMessenger messenger, RunRepository runs, Runbooks runbooks, AccessPolicy access, RunService service) {
        this.service = service;
        this.messenger = messenger;
        this.runs = runs;
        this.runbooks = runbooks;
        this.access = access;
    }

    /**
     * Updates for one run are serialised and always render the run as stored now: the request thread
     * (an approval) and a step's thread may both report a change at once, and must neither post two
     * progress cards nor overwrite a newer card with an older state.
     */
    @Override
    public void runChanged(Run changed) {
        synchronized (LOCKS[Math.floorMod(changed.id().hashCode(), LOCKS.length)]) {
            runs.find(changed.id()).ifPresent(this::post);
        }
    }

    private void post(Run run) {
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.UpdateCard(key(run, "plan"), "run-plan", plan(run, !access.fourEyes())));
        if (started(run)) {
            replies.add(new Reply.UpdateCard(key(run, "progress"), "run-progress", progress(run)));
        }
        for (Run.Step s : run.steps()) {
            if (humanCardShown(run, s)) {
                human(run, s, "").ifPresent(card -> replies.add(new Reply.UpdateCard(key(run, "human:" + s.index()), "human-step", card)));
            }
        }
        if (run.status() == RunStatus.SUCCEEDED || run.status() == RunStatus.FAILED
                || (run.status() == RunStatus.CANCELLED && started(run))) {
            replies.add(new Reply.UpdateCard(key(run, "result"), "run-result", result(run)));
        }
        messenger.send(run.conversationId(), new Reply.Batch(replies)).join();
    }

    /**
     * A human step's card is posted when the run reaches it (skipped ones, already in place, get none) and turned into
     * its "done" version right after the answer (the step finished last); later updates leave it alone.
     */
    private static boolean humanCardShown(Run run, Run.Step s) {
        if (!"HUMAN".equals(s.planKind())) {
            return false;
        }
        if (s.state() == StepState.WAITING) {
            return true;
        }
        java.time.Instant last = run.steps().stream().map(Run.Step::finishedAt).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        return s.state() == StepState.DONE && run.facts().containsKey("human." + s.stepId() + ".by")
                && s.finishedAt() != null && s.finishedAt().equals(last);
    }

    /**
     * The card of human step {@code s}: while waiting, the task with its inputs ({@code problem} says why the last
     * answer was refused, with what was typed kept, except a secret); afterwards who answered, without inputs.
     */
    public Optional<HumanStepCard> human(Run run, Run.Step s, String problem, List<String> typed) {
        return service.humanTask(run, s.index()).map(task -> {
            String status = s.state() == StepState.WAITING && run.status() == RunStatus.WAITING ? "waiting"
                    : s.state() == StepState.DONE ? "done" : "cancelled";
            String doneBy = switch (status) {
                case "done" -> "Done by " + run.facts().getOrDefault("human." + s.stepId() + ".by", "?") + ": "
                        + (s.result() == null ? "" : s.result());
                case "cancelled" -> "The run is " + run.status().label() + "; nothing more is needed here.";
                default -> "";
            };
            List<HumanStepCard.Line> lines = new ArrayList<>();
            for (int i = 0; i < task.instructions().size(); i++) {
                lines.add(new HumanStepCard.Line(i + 1, task.instructions().get(i)));
            }
            List<HumanStepCard.TextInput> texts = new ArrayList<>();
            List<HumanStepCard.SecretInput> secrets = new ArrayList<>();
            for (HumanTask.Input in : task.inputs()) {
                if (in.secret()) {
                    secrets.add(new HumanStepCard.SecretInput(in.label(), nz(in.placeholder())));
                } else {
                    int slot = texts.size();
                    String value = slot < typed.size() && typed.get(slot) != null ? typed.get(slot) : "";
                    texts.add(new HumanStepCard.TextInput("in" + (slot + 1), in.label(), nz(in.placeholder()), value,
                            in.regex() == null || in.regex().isBlank() ? "^[\\s\\S]+$" : in.regex(),
                            in.errorMessage() == null || in.errorMessage().isBlank() ? "Required." : in.errorMessage()));
                }
            }
            return new HumanStepCard(run.id(), run.planVersion(), s.index() + 1, s.title(), run.clientName(),
                    run.requester().name(), status, problem == null ? "" : problem, doneBy, lines, task.linkLabel(),
                    task.linkUrl(), task.copy().stream().map(c -> new HumanStepCard.Copy(c.label(), c.value())).toList(),
                    texts, secrets, task.submitLabel());
        });
    }

    Optional<HumanStepCard> human(Run run, Run.Step s, String problem) {
        return human(run, s, problem, List.of());
    }

    /** Reminds the requester of a run that waits for them (see scimpilot.runs.remind-waiting-after). */
    @Override
    public void runStillWaiting(Run run, Run.Step waiting) {
        String since = runs.waitingSince(run.id()).map(t -> java.time.format.DateTimeFormatter.ofPattern("dd MMM HH:mm")
                .withZone(java.time.ZoneOffset.UTC).format(t) + " UTC").orElse("a while");
        messenger.send(run.conversationId(), Reply.text("Reminder for " + run.requester().name() + ": run " + run.shortId()
                + " (" + runbooks.get(run.kind()).title() + ", " + run.clientName() + ") has been waiting for you since "
                + since + " at **" + waiting.title() + "**. Answer on its card, or stop it with `cancel run " + run.shortId()
                + "`.")).join();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The plan as everyone sees it; {@code approverView} adds Approve and Reject (still checked on the server). */
    public RunPlanCard plan(Run run, boolean approverView) {
        Runbook<?> runbook = runbooks.get(run.kind());
        List<RunPlanCard.Step> steps = run.steps().stream()
                .map(s -> new RunPlanCard.Step(s.index() + 1, s.title(), change(s.planKind()),
                        s.planDetails() == null ? s.planSummary() : s.planSummary() + " — " + s.planDetails()))
                .toList();
        int changes = (int) run.steps().stream().filter(s -> s.planKind().equals("CREATE") || s.planKind().equals("CHANGE")).count();
        int inPlace = (int) run.steps().stream().filter(s -> s.planKind().equals("IN_PLACE")).count();
        int manual = (int) run.steps().stream().filter(s -> s.planKind().equals("HUMAN")).count();
        List<String> approverIds = access.approverIds().stream().map(id -> "8:orgid:" + id).toList();
        return new RunPlanCard(run.id(), run.planVersion(), runbook.title(), run.clientName(), tenantId(run, runbook),
                run.requester().name(), run.createdAt(), changes, inPlace, manual, steps, approverIds, approverView,
                planStatus(run));
    }

    RunProgressCard progress(Run run) {
        List<RunProgressCard.Step> steps = run.steps().stream()
                .map(s -> new RunProgressCard.Step(s.index() + 1, s.title(), s.state().name().toLowerCase(), detail(s)))
                .toList();
        int done = (int) run.steps().stream().filter(s -> s.state() == StepState.DONE || s.state() == StepState.SKIPPED).count();
        String status = switch (run.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            case AWAITING_APPROVAL, WAITING -> "waiting";
            default -> "running";
        };
        String waitingFor = run.status() == RunStatus.AWAITING_APPROVAL
                ? "The tenant changed since the approval: an approver must approve the new plan (version " + run.planVersion() + ")."
                : run.status() == RunStatus.WAITING
                ? run.steps().stream().filter(s -> s.state() == StepState.WAITING).findFirst()
                        .map(s -> s.title() + ": " + run.requester().name() + ", the card \"Your turn\" below says exactly what to do.")
                        .orElse("")
                : "";
        return new RunProgressCard(run.id(), run.planVersion(), runbooks.get(run.kind()).title(), run.clientName(), status,
                run.createdAt(), run.updatedAt(), done, run.steps().size(), waitingFor, steps);
    }

    RunResultCard result(Run run) {
        return result(run, runbooks.get(run.kind()));
    }

    private <P extends Record> RunResultCard result(Run run, Runbook<P> runbook) {
        P parameters = runbooks.parameters(run, runbook);
        int changed = (int) run.steps().stream().filter(s -> s.state() == StepState.DONE).count();
        int inPlace = (int) run.steps().stream().filter(s -> s.state() == StepState.SKIPPED).count();
        int failed = (int) run.steps().stream().filter(s -> s.state() == StepState.FAILED).count();
        String outcome = run.status().name().toLowerCase();
        String summary = switch (run.status()) {
            case SUCCEEDED -> runbook.resultSummary(run, parameters);
            case FAILED -> "Stopped at the failed step; nothing after it ran. Fix the cause, then retry: every step checks first.";
            default -> "Cancelled; steps already applied stay in place.";
        };
        List<RunResultCard.Fact> facts = new ArrayList<>();
        if (run.status() == RunStatus.SUCCEEDED) {
            runbook.resultFacts(run, parameters).forEach((k, v) -> facts.add(new RunResultCard.Fact(k, v)));
        }
        Duration took = run.finishedAt() == null ? Duration.ZERO : Duration.between(run.createdAt(), run.finishedAt());
        return new RunResultCard(run.id(), runbook.title(), run.clientName(), outcome, summary, run.finishedAt(),
                humanDuration(took), run.approver() == null ? "" : run.approver().name(), changed, inPlace, failed,
                run.error() == null ? "" : run.error(), facts);
    }

    private <P extends Record> String tenantId(Run run, Runbook<P> runbook) {
        return runbook.tenantId(runbooks.parameters(run, runbook));
    }

    private static boolean started(Run run) {
        return run.steps().stream().anyMatch(s -> s.state() != StepState.PENDING)
                || run.status() == RunStatus.RUNNING || run.status() == RunStatus.APPROVED;
    }

    private static String planStatus(Run run) {
        return switch (run.status()) {
            case AWAITING_APPROVAL -> "Waiting for approval";
            case PLANNED -> "Blocked: this plan cannot run as it is (see the steps marked blocked)";
            case REJECTED -> "Rejected by " + run.approver().name() + ": " + run.decisionReason();
            case EXPIRED -> "Expired: nobody decided in time. Start again for a fresh plan.";
            case CANCELLED -> "Cancelled";
            default -> "Approved";
        };
    }

    private static String change(String planKind) {
        return switch (planKind) {
            case "CREATE" -> "create";
            case "CHANGE" -> "update";
            case "IN_PLACE" -> "none";
            case "HUMAN" -> "manual";
            default -> "blocked";
        };
    }

    private static String detail(Run.Step s) {
        if (s.state() == StepState.FAILED) {
            return s.error();
        }
        if (s.state() == StepState.WAITING) {
            return "Your turn: " + s.planSummary();
        }
        if (s.result() != null) {
            return s.result();
        }
        return s.state() == StepState.PENDING ? s.planSummary() : "";
    }

    private static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 90 ? seconds + " s" : (seconds / 60) + " min";
    }

    static String key(Run run, String card) {
        return "run:" + run.id() + ":" + card;
    }

}
