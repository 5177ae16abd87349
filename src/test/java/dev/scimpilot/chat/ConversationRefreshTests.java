package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.scimpilot.persistence.Databases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A turn stores its conversation reference before answering only when it is new or points somewhere else; a mere
 * refresh (the last activity id) is written after the answer, at most every ten minutes, the latest one per
 * conversation.
 */
class ConversationRefreshTests {

    /** Background work that runs only when the test says so. */
    static final class HeldWork extends BackgroundWork {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void submit(String what, Runnable work, Consumer<RuntimeException> onFailure) {
            held.add(work);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    private final ConversationDirectory directory = new ConversationDirectory(JdbcClient.create(Databases.H2.migrated()),
            Clock.systemUTC());
    /** A clock the test moves. */
    static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-11-28T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HeldWork background = new HeldWork();
    private final SteppedClock clock = new SteppedClock();
    private final ConversationRefresh refresh = new ConversationRefresh(directory, background, clock);
    private final ConversationKey key = new ConversationKey("19:ops@thread.tacv2", "tenant-1", "channel", "19:team@thread.tacv2");

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void firstContactIsStoredBeforeTheTurnGoesOn() {
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-1"), key);

        assertThat(background.held).isEmpty();
        assertThat(directory.find(key.conversationId()).orElseThrow().getActivityId()).isEqualTo("act-1");
    }

    @Test
    void aRefreshWaitsForTheBackgroundAndTheLatestActivityWins() {
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-1"), key);
        clock.now = clock.now.plus(ConversationRefresh.REFRESH_EVERY);

        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-2"), key);
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-3"), key);

        assertThat(directory.find(key.conversationId()).orElseThrow().getActivityId()).as("not written on the turn").isEqualTo("act-1");
        assertThat(background.held).as("one write queued per conversation").hasSize(1);
        background.runAll();
        assertThat(directory.find(key.conversationId()).orElseThrow().getActivityId()).isEqualTo("act-3");
    }

    @Test
    void withinTenMinutesOfTheLastWriteTheSamePlaceIsNotWrittenAgain() {
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-1"), key);
        clock.now = clock.now.plus(ConversationRefresh.REFRESH_EVERY).minusSeconds(1);

        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-2"), key);

        assertThat(background.held).isEmpty();
        assertThat(directory.find(key.conversationId()).orElseThrow().getActivityId()).isEqualTo("act-1");
    }

    @Test
    void aMovedServiceUrlIsStoredAtOnce() {
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-1"), key);

        refresh.refresh(reference("https://smba.trafficmanager.net/ch/", "act-2"), key);

        assertThat(background.held).isEmpty();
        assertThat(directory.find(key.conversationId()).orElseThrow().getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/ch/");
    }

    @Test
    void aQueuedRefreshDoesNotUndoAMoveStoredMeanwhile() {
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-1"), key);
        clock.now = clock.now.plus(ConversationRefresh.REFRESH_EVERY);
        refresh.refresh(reference("https://smba.trafficmanager.net/emea/", "act-2"), key);

        refresh.refresh(reference("https://smba.trafficmanager.net/ch/", "act-3"), key);
        background.runAll();

        ConversationReference stored = directory.find(key.conversationId()).orElseThrow();
        assertThat(stored.getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/ch/");
        assertThat(stored.getActivityId()).isEqualTo("act-3");
    }

    private static ConversationReference reference(String serviceUrl, String activityId) {
        ConversationReference r = new ConversationReference();
        r.setServiceUrl(serviceUrl);
        r.setChannelId("msteams");
        r.setActivityId(activityId);
        r.setBot(new ChannelAccount("28:bot", "SCIM Pilot"));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("19:ops@thread.tacv2");
        r.setConversation(conversation);
        return r;
    }
}
