package dev.scimpilot.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a conversation is in the middle of (an open form, a question the bot asked), kept in the bot's
 * database-backed storage so any replica sees it. Holds descriptions and ids, never secrets.
 */
@Component
public class PendingInteractions {

    /** One open interaction in a conversation; {@code id} ties it to the card that collects it (e.g. a draft id). */
    public record PendingInteraction(String id, String description, Instant since) {}

    private final StateStore store;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    public PendingInteractions(StateStore store, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.store = store;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Opens an interaction, replacing whatever was open in this conversation. */
    public void start(String conversationId, String id, String description) {
        store.save(key(conversationId), new PendingInteraction(id, description, clock.instant()));
    }

    /** True when {@code id} is the interaction open in this conversation (a stale or replayed card is not). */
    public boolean isOpen(String conversationId, String id) {
        return current(conversationId).map(p -> p.id().equals(id)).orElse(false);
    }

    public Optional<PendingInteraction> current(String conversationId) {
        return store.find(key(conversationId), PendingInteraction.class);
    }

    /** Ends the open interaction, if any, and says what it was. */
    public Optional<String> clear(String conversationId) {
        Optional<PendingInteraction> open = current(conversationId);
        open.ifPresent(p -> store.delete(key(conversationId)));
        return open.map(PendingInteraction::description);
    }

    /** Ends the interaction only if it is still {@code id}: a newer form opened meanwhile stays open. */
    public void clearIf(String conversationId, String id) {
        if (isOpen(conversationId, id)) {
            store.delete(key(conversationId));
        }
    }

    /**
     * Uses up the open interaction {@code id}: true for exactly one caller, even when two clicks (or two replicas)
     * passed {@link #isOpen} at the same moment, so a double-clicked Submit plans one run, not two. Call it once
     * the submission is valid, right before acting on it.
     */
    public boolean claim(String conversationId, String id) {
        if (!isOpen(conversationId, id)) {
            return false;
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        try {
            jdbc.sql("INSERT INTO interaction_claim (interaction_id, conversation_id, claimed_at) VALUES (?, ?, ?)")
                    .params(id, conversationId, now).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
        clearIf(conversationId, id);
        // claims only need to outlive a double click; old ones are swept here rather than by another job
        jdbc.sql("DELETE FROM interaction_claim WHERE claimed_at < ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7)))).update();
        return true;
    }

    private static String key(String conversationId) {
        return "pending/" + conversationId;
    }
}
