package dev.scimpilot.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembers which activity id a keyed card was sent as, so it can be updated in place later. */
@Repository
public class CardMessages {

    /** Where a card lives. */
    public record SentCard(String conversationId, String activityId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public CardMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void remember(String key, String conversationId, String activityId) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE card_message SET conversation_id = ?, activity_id = ?, updated_at = ? WHERE card_key = ?")
                .params(conversationId, activityId, now, key)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO card_message (card_key, conversation_id, activity_id, updated_at) VALUES (?, ?, ?, ?)")
                        .params(key, conversationId, activityId, now)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                jdbc.sql("UPDATE card_message SET conversation_id = ?, activity_id = ?, updated_at = ? WHERE card_key = ?")
                        .params(conversationId, activityId, now, key)
                        .update();
            }
        }
    }

    public Optional<SentCard> find(String key) {
        return jdbc.sql("SELECT conversation_id, activity_id FROM card_message WHERE card_key = ?")
                .param(key)
                .query((rs, i) -> new SentCard(rs.getString(1), rs.getString(2)))
                .optional();
    }
}
