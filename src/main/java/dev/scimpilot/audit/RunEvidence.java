package dev.scimpilot.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scimpilot.runs.Run;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The evidence of one run, for a change ticket or an auditor: who asked, who decided and why, the approved plan,
 * what each step did (with the Graph request ids Microsoft support asks for), NinjaOne's verification, and the
 * audit trail. Built from what the database holds, which by design contains no secret: the SCIM token appears
 * only as its vault reference.
 */
public record RunEvidence(
        String format,
        Instant exportedAt,
        String exportedBy,
        RunSummary run,
        Person requester,
        Decision decision,
        JsonNode parameters,
        List<PlannedStep> plan,
        List<StepResult> results,
        List<StepResult> ninjaOneVerification,
        List<AuditEvent> audit) {

    /** Version of this format, so that tooling reading exports can tell. */
    public static final String FORMAT = "scim-pilot-run-evidence/1";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    /** Step ids whose result is NinjaOne's own confirmation (onboarding step 8, a rotation's canary check). */
    private static final List<String> NINJA_CHECKS = List.of("verify-ninjaone", "confirm-in-ninjaone", "verify-canary");

    public record RunSummary(String id, String kind, String client, String status, int planVersion, Instant createdAt,
            Instant finishedAt, String error) {}

    public record Person(String id, String name) {}

    /** {@code status} is "approved" or "rejected". */
    public record Decision(String status, Person approver, String reason, Instant at) {}

    public record PlannedStep(int number, String stepId, String title, String kind, String summary, String details) {}

    public record StepResult(int number, String stepId, String title, String state, String result, List<String> graphRequestIds,
            String error, int attempts, Instant startedAt, Instant finishedAt) {}

    public static RunEvidence of(Run run, List<AuditEvent> trail, String exportedBy, Instant now) {
        Decision decision = null;
        if (run.approver() != null) {
            AuditEvent decided = trail.stream().filter(e -> e.action().equals("run.approved") || e.action().equals("run.rejected"))
                    .reduce((a, b) -> b).orElse(null);
            decision = new Decision(decided == null ? "decided" : decided.action().substring("run.".length()),
                    new Person(run.approver().id(), run.approver().name()), run.decisionReason(),
                    decided == null ? null : decided.at());
        }
        List<PlannedStep> plan = run.steps().stream().map(s -> new PlannedStep(s.index() + 1, s.stepId(), s.title(),
                s.planKind(), s.planSummary(), s.planDetails())).toList();
        List<StepResult> results = run.steps().stream().map(s -> new StepResult(s.index() + 1, s.stepId(), s.title(),
                s.state().name(), s.result(), ids(s.requestIds()), s.error(), s.attempts(), s.startedAt(), s.finishedAt())).toList();
        return new RunEvidence(FORMAT, now, exportedBy,
                new RunSummary(run.id(), run.kind(), run.clientName(), run.status().label(), run.planVersion(), run.createdAt(),
                        run.finishedAt(), run.error()),
                new Person(run.requester().id(), run.requester().name()), decision, parameters(run.parametersJson()), plan,
                results, results.stream().filter(r -> NINJA_CHECKS.contains(r.stepId())).toList(), trail);
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static JsonNode parameters(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the evidence of run " + run.id(), e);
        }
    }

    /** The same record as Markdown, for pasting into a ticket. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Evidence · ").append(title(run.kind())).append(" · ").append(run.client()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Run", "`" + run.id() + "` (plan version " + run.planVersion() + ")");
        row(md, "Status", run.status() + (run.error() == null ? "" : " — " + run.error()));
        row(md, "Requested by", person(requester) + ", " + time(run.createdAt()));
        if (decision != null) {
            row(md, "Decision", decision.status() + " by " + person(decision.approver())
                    + (decision.at() == null ? "" : ", " + time(decision.at()))
                    + (decision.reason() == null || decision.reason().isBlank() ? "" : " — " + decision.reason()));
        } else {
            row(md, "Decision", "none yet");
        }
        row(md, "Finished", run.finishedAt() == null ? "not finished" : time(run.finishedAt()));
        row(md, "Exported", time(exportedAt) + " by " + exportedBy);
        md.append("\n## Approved plan\n\n| # | step | plan | what |\n|---|---|---|---|\n");
        for (PlannedStep s : plan) {
            md.append("| ").append(s.number()).append(" | ").append(cell(s.title())).append(" | ").append(cell(s.kind()))
                    .append(" | ").append(cell(s.summary())).append(" |\n");
        }
        md.append("\n## Results\n\n| # | step | state | result | Graph request ids |\n|---|---|---|---|---|\n");
        for (StepResult r : results) {
            md.append("| ").append(r.number()).append(" | ").append(cell(r.title())).append(" | ").append(r.state())
                    .append(" | ").append(cell(r.error() != null ? r.error() : r.result())).append(" | ")
                    .append(r.graphRequestIds().isEmpty() ? "" : "`" + String.join("`, `", r.graphRequestIds()) + "`")
                    .append(" |\n");
        }
        md.append("\n## NinjaOne verification\n\n");
        if (ninjaOneVerification.isEmpty()) {
            md.append("This run has no NinjaOne verification step.\n");
        }
        for (StepResult r : ninjaOneVerification) {
            md.append("- ").append(r.state()).append(": ").append(cell(r.error() != null ? r.error() : r.result())).append('\n');
        }
        md.append("\n## Audit trail (UTC)\n\n| when | who | what | detail |\n|---|---|---|---|\n");
        for (AuditEvent e : audit) {
            md.append("| ").append(time(e.at())).append(" | ").append(cell(e.actorName())).append(" | ").append(e.action())
                    .append(" | ").append(cell(e.detail())).append(" |\n");
        }
        return md.toString();
    }

    private static String title(String kind) {
        return kind == null ? "run" : kind.replace('-', ' ');
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String person(Person p) {
        return p == null ? "unknown" : (p.name() == null ? "?" : p.name()) + " (`" + p.id() + "`)";
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Table cells: one line, pipes escaped, so a step's text cannot break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
