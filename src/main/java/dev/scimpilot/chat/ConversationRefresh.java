package dev.scimpilot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored conversation references current without making every turn wait for a database write: the
 * /api/messages benchmark found the write on each turn to be the largest single cost of answering (and with
 * PostgreSQL it is a round trip and a commit). A conversation this replica has not stored yet, or whose service URL,
 * tenant or team changed, is written at once, so a proactive message right after first contact finds it. Otherwise
 * only the reference's last activity id would change: that refresh is written in the background, the latest one per
 * conversation, and may land a moment after the answer.
 */
@Component
public class ConversationRefresh {

    private record Pending(ConversationReference reference, ConversationKey key) {}

    private final ConversationDirectory directory;
    private final BackgroundWork background;
    /** What this replica last wrote per conversation (the parts that decide where a message goes). */
    private final Cache<String, String> written = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public ConversationRefresh(ConversationDirectory directory, BackgroundWork background) {
        this.directory = directory;
        this.background = background;
    }

    public void refresh(ConversationReference reference, ConversationKey key) {
        String conversation = key.conversationId();
        String where = where(reference, key);
        if (conversation == null || !where.equals(written.getIfPresent(conversation))) {
            if (conversation != null) {
                pending.remove(conversation); // a queued refresh of the old place must not overwrite this
            }
            directory.remember(reference, key);
            if (conversation != null) {
                written.put(conversation, where);
            }
            return;
        }
        // One queued write per conversation; a newer activity replaces the reference it will write.
        if (pending.put(conversation, new Pending(reference, key)) == null) {
            try {
                background.submit("conversation reference refresh", () -> {
                    Pending latest = pending.remove(conversation);
                    // skipped if the conversation moved meanwhile (written on its turn); the next turn heals any race
                    if (latest != null && where(latest.reference(), latest.key()).equals(written.getIfPresent(conversation))) {
                        directory.remember(latest.reference(), latest.key());
                    }
                }, e -> written.invalidate(conversation)); // the next turn writes at once again
            } catch (RuntimeException e) { // shutting down: write it here rather than leave it queued forever
                pending.remove(conversation);
                directory.remember(reference, key);
            }
        }
    }

    private static String where(ConversationReference reference, ConversationKey key) {
        return String.join("|", Objects.toString(reference.getServiceUrl()), Objects.toString(key.tenantId()),
                Objects.toString(key.conversationType()), Objects.toString(key.teamId()),
                Objects.toString(reference.getChannelId()),
                reference.getBot() == null ? "" : Objects.toString(reference.getBot().getId()));
    }
}
