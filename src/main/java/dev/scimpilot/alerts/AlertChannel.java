package dev.scimpilot.alerts;

import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.clients.Client;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where reminders and alerts go: the conversation set with {@code alerts here}, or else the conversation a
 * client was onboarded in. One setting for the whole bot, on the database, so every replica agrees.
 */
@Repository
public class AlertChannel {

    /** The stored setting: which conversation, who set it and when. */
    public record Setting(String conversationId, String setById, String setByName, java.time.Instant setAt) {}

    private static final String ID = "default";
    private final JdbcClient jdbc;
    private final Clock clock;

    public AlertChannel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void set(String conversationId, ChatUser by) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE alert_channel SET conversation_id = ?, set_by_id = ?, set_by_name = ?, set_at = ? WHERE id = ?")
                .params(conversationId, by.aadObjectId(), by.displayName(), now, ID).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO alert_channel (id, conversation_id, set_by_id, set_by_name, set_at) VALUES (?, ?, ?, ?, ?)")
                        .params(ID, conversationId, by.aadObjectId(), by.displayName(), now).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE alert_channel SET conversation_id = ?, set_by_id = ?, set_by_name = ?, set_at = ? WHERE id = ?")
                        .params(conversationId, by.aadObjectId(), by.displayName(), now, ID).update();
            }
        }
    }

    public Optional<Setting> current() {
        return jdbc.sql("SELECT conversation_id, set_by_id, set_by_name, set_at FROM alert_channel WHERE id = ?").param(ID)
                .query((rs, i) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The conversation for {@code client}'s reminders and alerts; empty when there is none anywhere. */
    public Optional<String> destinationFor(Client client) {
        return current().map(Setting::conversationId)
                .or(() -> Optional.ofNullable(client.conversationId()).filter(s -> !s.isBlank()));
    }
}
