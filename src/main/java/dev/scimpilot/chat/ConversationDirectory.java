package dev.scimpilot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.dao.DuplicateKeyException;

/**
 * Where the bot can reach each conversation later: the Bot SDK's conversation reference, stored on
 * install and refreshed on every inbound activity (Teams may move a tenant's service URL).
 */
@Repository
public class ConversationDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The column's size (V1 migration). */
    static final int MAX_REFERENCE_CHARS = 8000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConversationDirectory.class);

    public ConversationDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts or refreshes; two activities of one conversation arriving together (install + update) both succeed. */
    public void remember(ConversationReference reference, ConversationKey key) {
        // proactive sends need the conversation, service URL and bot, not who spoke last: keep the user's ids only, so
        // a display name (or anything else a client puts there) cannot make the stored reference arbitrarily large
        if (reference.getUser() != null) {
            com.microsoft.bot.schema.ChannelAccount user = new com.microsoft.bot.schema.ChannelAccount(reference.getUser().getId());
            user.setAadObjectId(reference.getUser().getAadObjectId());
            reference.setUser(user);
        }
        String json;
        try {
            json = Serialization.toString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise conversation reference", e);
        }
        if (json.length() > MAX_REFERENCE_CHARS) {
            log.warn("conversation reference of {} not stored: {} characters (limit {}); unprompted messages cannot reach "
                    + "this conversation until a normal activity arrives from it", key.conversationId(), json.length(),
                    MAX_REFERENCE_CHARS);
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE conversation_reference
                   SET tenant_id = ?, conversation_type = ?, team_id = ?, service_url = ?, reference_json = ?, updated_at = ?
                 WHERE conversation_id = ?""")
                .params(key.tenantId(), key.conversationType(), key.teamId(), reference.getServiceUrl(), json, now,
                        key.conversationId())
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO conversation_reference
                            (conversation_id, tenant_id, conversation_type, team_id, service_url, reference_json, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(key.conversationId(), key.tenantId(), key.conversationType(), key.teamId(),
                                reference.getServiceUrl(), json, now)
                        .update();
            } catch (DuplicateKeyException raced) {
                // another request inserted it a moment ago; ours is as fresh, so the row is right either way
            }
        }
    }

    public Optional<ConversationReference> find(String conversationId) {
        return jdbc.sql("SELECT reference_json FROM conversation_reference WHERE conversation_id = ?")
                .param(conversationId)
                .query(String.class)
                .optional()
                .map(ConversationDirectory::parse);
    }

    /**
     * The conversation to post new messages into for {@code conversationId}: in a Teams channel an inbound
     * activity's conversation id names the thread ({@code 19:…@thread.tacv2;messageid=…}); a new top-level post
     * goes to the channel itself (the id without {@code ;messageid=}). Stores the channel's reference (a copy
     * of the thread's, same service URL and tenant) and returns its id; other conversations are returned as they are.
     * Empty when the bot has never been in {@code conversationId}.
     */
    public Optional<String> topLevel(String conversationId) {
        Optional<ConversationReference> found = find(conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int thread = conversationId.indexOf(";messageid=");
        if (thread < 0) {
            return Optional.of(conversationId);
        }
        String root = conversationId.substring(0, thread);
        ConversationReference reference = found.get();
        reference.getConversation().setId(root);
        reference.setActivityId(null);
        var key = jdbc.sql("SELECT tenant_id, conversation_type, team_id FROM conversation_reference WHERE conversation_id = ?")
                .param(conversationId)
                .query((rs, i) -> new ConversationKey(root, rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        remember(reference, key);
        return Optional.of(root);
    }

    private static ConversationReference parse(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
