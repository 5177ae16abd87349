package dev.scimpilot.audit;

import dev.scimpilot.logging.Redactor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail, in the database and as structured log lines. Details pass through the redactor, so a
 * secret typed into the wrong field still never lands here.
 */
@Repository
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("audit");
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actorId, String actorName, String action, String runId, String clientName, String detail) {
        String safe = detail == null ? null : Redactor.redact(detail.length() > 3900 ? detail.substring(0, 3900) + "…" : detail);
        jdbc.sql("INSERT INTO audit_event (at, actor_id, actor_name, action, run_id, client_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), clip(actorId, 64), clip(actorName, 256), clip(action, 64),
                        clip(runId, 36), clip(clientName, 256), safe)
                .update();
        log.info("action={} actor={} run={} client=\"{}\" detail=\"{}\"", action, actorId, runId, clientName, safe);
    }

    /** Values from activities are the sender's: never let their length fail the audit write. */
    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public List<AuditEvent> forRun(String runId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE run_id = ? ORDER BY id").param(runId).query(this::map).list();
    }

    public List<AuditEvent> forClient(String clientName, int limit) {
        return jdbc.sql("SELECT * FROM audit_event WHERE LOWER(client_name) = LOWER(?) ORDER BY id DESC LIMIT ?")
                .params(clientName, limit).query(this::map).list();
    }

    private AuditEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("action"), rs.getString("run_id"), rs.getString("client_name"),
                rs.getString("detail"));
    }
}
