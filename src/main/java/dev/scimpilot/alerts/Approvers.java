package dev.scimpilot.alerts;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.Reply;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approvers to @mention on urgent reminders (groups expanded to their users by the access policy). Only their
 * Entra object ids are known; the name a mention shows is the latest one the audit trail saw them act under, else
 * "Approver".
 */
@Component
class Approvers {

    private final AccessPolicy access;
    private final JdbcClient jdbc;

    Approvers(AccessPolicy access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    /** Empty when the approvers cannot be listed right now: a reminder without mentions beats no reminder. */
    List<Reply.Mention> mentions() {
        try {
            return access.approverIds().stream().map(id -> new Reply.Mention(id, nameOf(id))).toList();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Approvers.class).warn("approvers not listed for @mentions: {}", e.toString());
            return List.of();
        }
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
