package dev.scimpilot.alerts;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.Reply;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approvers to @mention on urgent reminders. Configuration only has their Entra object ids; the display
 * name (what the mention shows) is the latest one the audit trail saw them act under, else "Approver".
 */
@Component
class Approvers {

    private final AccessPolicy access;
    private final JdbcClient jdbc;

    Approvers(AccessPolicy access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    List<Reply.Mention> mentions() {
        return access.approverIds().stream().map(id -> new Reply.Mention(id, nameOf(id))).toList();
    }

    private String nameOf(String objectId) {
        return jdbc.sql("SELECT actor_name FROM audit_event WHERE LOWER(actor_id) = ? AND actor_name IS NOT NULL "
                        + "AND actor_name <> 'someone' ORDER BY id DESC LIMIT 1")
                .param(objectId).query(String.class).optional()
                .map(n -> n.replace("<", "").replace(">", "").strip())
                .filter(n -> !n.isEmpty())
                .orElse("Approver");
    }
}
