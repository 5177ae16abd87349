package dev.scimpilot.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import static dev.scimpilot.persistence.Timestamps.instant;
import static dev.scimpilot.persistence.Timestamps.ts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs and their steps in the database. State changes are conditional updates ("only if it is still
 * awaiting approval at plan version 3") so that two clicks, two approvers or two replicas can never
 * both win.
 */
@Repository
public class RunRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Run run) {
        jdbc.sql("""
                INSERT INTO run (id, kind, client_name, parameters, facts, status, plan_version, conversation_id,
                    requester_id, requester_name, approval_expires_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(run.id(), run.kind(), run.clientName(), run.parametersJson(), json(run.facts()),
                        run.status().name(), run.planVersion(), run.conversationId(), run.requester().id(),
                        run.requester().name(), ts(run.approvalExpiresAt()), ts(run.createdAt()), ts(run.updatedAt()))
                .update();
    }

    void replaceSteps(String runId, List<Run.Step> steps) {
        jdbc.sql("DELETE FROM run_step WHERE run_id = ?").param(runId).update();
        for (Run.Step s : steps) {
            jdbc.sql("""
                    INSERT INTO run_step (run_id, step_index, step_id, title, state, plan_kind, plan_summary, plan_details, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(runId, s.index(), s.stepId(), s.title(), s.state().name(), s.planKind(), s.planSummary(), s.planDetails())
                    .update();
        }
    }

    public Optional<Run> find(String id) {
        return jdbc.sql("SELECT * FROM run WHERE id = ?").param(id).query(this::mapRun).optional()
                .map(r -> withSteps(r, steps(r.id())));
    }

    /** Finds a run by full id or by the 8-character short id shown in cards. */
    public Optional<Run> findByIdOrPrefix(String idOrPrefix) {
        String s = idOrPrefix == null ? "" : idOrPrefix.trim().toLowerCase();
        if (s.length() < 8) {
            return Optional.empty();
        }
        List<String> ids = jdbc.sql("SELECT id FROM run WHERE id LIKE ?").param(s + "%").query(String.class).list();
        return ids.size() == 1 ? find(ids.get(0)) : Optional.empty();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT * FROM run ORDER BY created_at DESC LIMIT ?").param(limit).query(this::mapRun).list()
                .stream().map(r -> withSteps(r, steps(r.id()))).toList();
    }

    /** The {@code limit} most recent runs for a client (by the name its runs were planned under, any case), newest first; without steps. */
    public List<Run> recentForClient(String clientName, int limit) {
        return jdbc.sql("SELECT * FROM run WHERE LOWER(client_name) = LOWER(?) ORDER BY created_at DESC LIMIT ?")
                .params(clientName, limit).query(this::mapRun).list();
    }

    List<String> idsInStatus(RunStatus... statuses) {
        String in = String.join(",", java.util.Collections.nCopies(statuses.length, "?"));
        return jdbc.sql("SELECT id FROM run WHERE status IN (" + in + ")")
                .params((Object[]) java.util.Arrays.stream(statuses).map(Enum::name).toArray(String[]::new))
                .query(String.class).list();
    }

    /** Moves a run from one of {@code from} to {@code to}; false when someone else moved it first. */
    boolean transition(String id, List<RunStatus> from, RunStatus to, Instant now) {
        String in = String.join(",", java.util.Collections.nCopies(from.size(), "?"));
        Object[] params = new Object[3 + from.size()];
        params[0] = to.name();
        params[1] = ts(now);
        params[2] = id;
        for (int i = 0; i < from.size(); i++) {
            params[3 + i] = from.get(i).name();
        }
        return jdbc.sql("UPDATE run SET status = ?, updated_at = ? WHERE id = ? AND status IN (" + in + ")")
                .params(params).update() == 1;
    }

    /** The decision on a plan: only succeeds while it awaits approval at that plan version and has not expired. */
    boolean decide(String id, int planVersion, RunStatus to, Run.Actor approver, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE run SET status = ?, approver_id = ?, approver_name = ?, decision_reason = ?, updated_at = ?
                 WHERE id = ? AND status = 'AWAITING_APPROVAL' AND plan_version = ? AND approval_expires_at > ?""")
                .params(to.name(), approver.id(), approver.name(), reason, ts(now), id, planVersion, ts(now))
                .update() == 1;
    }

    void newPlanVersion(String id, int planVersion, Instant expiresAt, Instant now) {
        jdbc.sql("""
                UPDATE run SET status = 'AWAITING_APPROVAL', plan_version = ?, approval_expires_at = ?, approver_id = NULL,
                    approver_name = NULL, decision_reason = NULL, updated_at = ? WHERE id = ?""")
                .params(planVersion, ts(expiresAt), ts(now), id).update();
    }

    void finish(String id, RunStatus status, String error, Instant now) {
        jdbc.sql("UPDATE run SET status = ?, error = ?, finished_at = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), error, ts(now), ts(now), id).update();
    }

    void addFacts(String id, Map<String, String> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Run run = find(id).orElseThrow();
        var merged = new java.util.TreeMap<>(run.facts());
        merged.putAll(facts);
        jdbc.sql("UPDATE run SET facts = ? WHERE id = ?").params(json(merged), id).update();
    }

    void stepStarted(String runId, int index, Instant now) {
        jdbc.sql("UPDATE run_step SET state = 'RUNNING', attempts = attempts + 1, started_at = ?, error = NULL WHERE run_id = ? AND step_index = ?")
                .params(ts(now), runId, index).update();
    }

    void stepFinished(String runId, int index, StepState state, String result, String requestIds, String error, Instant now) {
        jdbc.sql("UPDATE run_step SET state = ?, result = ?, request_ids = ?, error = ?, finished_at = ? WHERE run_id = ? AND step_index = ?")
                .params(state.name(), result, requestIds, error, ts(now), runId, index).update();
    }

    /** A human step starts waiting: the step is WAITING and the run remembers since when (for reminders). */
    void stepWaiting(String runId, int index, Instant now) {
        jdbc.sql("UPDATE run_step SET state = 'WAITING' WHERE run_id = ? AND step_index = ?").params(runId, index).update();
        jdbc.sql("UPDATE run SET waiting_since = ?, reminded_at = NULL WHERE id = ?").params(ts(now), runId).update();
    }

    /** Runs that wait for a person since before {@code before} and whose requester was not reminded since then. */
    List<String> idsWaitingUnremindedSince(Instant before) {
        return jdbc.sql("SELECT id FROM run WHERE status = 'WAITING' AND waiting_since <= ? AND (reminded_at IS NULL OR reminded_at <= ?)")
                .params(ts(before), ts(before)).query(String.class).list();
    }

    /** Claims one reminder (so only one replica sends it): false when another one did meanwhile. */
    boolean markReminded(String runId, Instant before, Instant now) {
        return jdbc.sql("UPDATE run SET reminded_at = ? WHERE id = ? AND status = 'WAITING' AND (reminded_at IS NULL OR reminded_at <= ?)")
                .params(ts(now), runId, ts(before)).update() == 1;
    }

    /** Since when a run waits for a person (empty when it does not). */
    public Optional<Instant> waitingSince(String runId) {
        return jdbc.sql("SELECT waiting_since FROM run WHERE id = ? AND status = 'WAITING'").param(runId)
                .query((rs, i) -> instant(rs, "waiting_since")).optional();
    }

    void resetStep(String runId, int index) {
        jdbc.sql("UPDATE run_step SET state = 'PENDING', error = NULL, finished_at = NULL WHERE run_id = ? AND step_index = ?")
                .params(runId, index).update();
    }

    private List<Run.Step> steps(String runId) {
        return jdbc.sql("SELECT * FROM run_step WHERE run_id = ? ORDER BY step_index").param(runId)
                .query((rs, i) -> new Run.Step(rs.getInt("step_index"), rs.getString("step_id"), rs.getString("title"),
                        StepState.valueOf(rs.getString("state")), rs.getString("plan_kind"), rs.getString("plan_summary"),
                        rs.getString("plan_details"), rs.getString("result"), rs.getString("request_ids"),
                        rs.getString("error"), rs.getInt("attempts"), instant(rs, "started_at"), instant(rs, "finished_at")))
                .list();
    }

    private Run mapRun(ResultSet rs, int row) throws SQLException {
        String approverId = rs.getString("approver_id");
        return new Run(rs.getString("id"), rs.getString("kind"), rs.getString("client_name"), rs.getString("parameters"),
                facts(rs.getString("facts")), RunStatus.valueOf(rs.getString("status")), rs.getInt("plan_version"),
                rs.getString("conversation_id"), new Run.Actor(rs.getString("requester_id"), rs.getString("requester_name")),
                approverId == null ? null : new Run.Actor(approverId, rs.getString("approver_name")),
                rs.getString("decision_reason"), instant(rs, "approval_expires_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"), rs.getString("error"), List.of());
    }

    private static Run withSteps(Run r, List<Run.Step> steps) {
        return new Run(r.id(), r.kind(), r.clientName(), r.parametersJson(), r.facts(), r.status(), r.planVersion(),
                r.conversationId(), r.requester(), r.approver(), r.decisionReason(), r.approvalExpiresAt(), r.createdAt(),
                r.updatedAt(), r.finishedAt(), r.error(), steps);
    }

    private static Map<String, String> facts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable run facts", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
