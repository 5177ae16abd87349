package dev.scimpilot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored conversation references current without a database write on every turn: the /api/messages
 * benchmark found that write to be the largest single cost of answering (and with PostgreSQL it is a round trip and
 * a commit). A conversation this replica has not stored yet, or whose service URL, tenant or team changed, is written
 * at once, so a proactive message right after first contact finds it. Otherwise only the reference's last activity
 * id and speaker would change, which no proactive message needs: that refresh is written at most every
 * {@link #REFRESH_EVERY} per conversation, in the background, the latest one.
 */
@Component
public class ConversationRefresh {

    static final Duration REFRESH_EVERY = Duration.ofMinutes(10);

    private record Pending(ConversationReference reference, ConversationKey key) {}

    /** Where a conversation's reference points, and when this replica last wrote or queued it. */
    private record Written(String where, Instant at) {}

    private final ConversationDirectory directory;
    private final BackgroundWork background;
    /** What this replica last wrote per conversation (the parts that decide where a message goes). */
    private final Cache<String, Written> written = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private final Clock clock;

    public ConversationRefresh(ConversationDirectory directory, BackgroundWork background, Clock clock) {
        this.directory = directory;
        this.background = background;
        this.clock = clock;
    }

    public void refresh(ConversationReference reference, ConversationKey key) {
        String conversation = key.conversationId();
        String where = where(reference, key);
        Instant now = clock.instant();
        Written last = conversation == null ? null : written.getIfPresent(conversation);
        if (conversation == null || last == null || !where.equals(last.where())) {
            if (conversation != null) {
                pending.remove(conversation); // a queued refresh of the old place must not overwrite this
            }
            directory.remember(reference, key);
            if (conversation != null) {
                written.put(conversation, new Written(where, now));
            }
            return;
        }
        if (last.at().plus(REFRESH_EVERY).isAfter(now)) {
            // same place, written or queued a moment ago; a write still queued takes this newer reference
            pending.computeIfPresent(conversation, (k, queued) -> new Pending(reference, key));
            return;
        }
        written.put(conversation, new Written(where, now));
        // One queued write per conversation; a newer activity replaces the reference it will write.
        if (pending.put(conversation, new Pending(reference, key)) == null) {
            try {
                background.submit("conversation reference refresh", () -> {
                    Pending latest = pending.remove(conversation);
                    // skipped if the conversation moved meanwhile (written on its turn); the next turn heals any race
                    Written current = written.getIfPresent(conversation);
                    if (latest != null && current != null && where(latest.reference(), latest.key()).equals(current.where())) {
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
