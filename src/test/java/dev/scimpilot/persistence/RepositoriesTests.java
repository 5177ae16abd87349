package dev.scimpilot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.builder.StoreItem;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.scimpilot.chat.CardMessages;
import dev.scimpilot.chat.ConversationDirectory;
import dev.scimpilot.chat.ConversationKey;
import dev.scimpilot.chat.JdbcStorage;
import dev.scimpilot.chat.PendingInteractions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same repositories against H2 and PostgreSQL, on the Flyway-migrated schema. */
class RepositoriesTests {

    private final Clock clock = Clock.systemUTC();

    @ParameterizedTest
    @EnumSource(Databases.class)
    void conversationReferenceIsStoredAndRefreshed(Databases db) {
        var directory = new ConversationDirectory(JdbcClient.create(db.migrated()), clock);
        var key = new ConversationKey("19:ops@thread.tacv2", "tenant-1", "channel", "19:team@thread.tacv2");

        directory.remember(reference("https://smba.trafficmanager.net/emea/"), key);
        directory.remember(reference("https://smba.trafficmanager.net/ch/"), key);

        ConversationReference found = directory.find("19:ops@thread.tacv2").orElseThrow();
        assertThat(found.getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/ch/");
        assertThat(found.getConversation().getId()).isEqualTo("19:ops@thread.tacv2");
        assertThat(found.getBot().getId()).isEqualTo("28:bot");
        assertThat(directory.find("unknown")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aHugeDisplayNameDoesNotStopTheReferenceBeingStored(Databases db) {
        // found by the fuzz test: a 15,000-character reference failed to store (the column holds 8,000)
        var directory = new ConversationDirectory(JdbcClient.create(db.migrated()), clock);
        var key = new ConversationKey("19:ops@thread.tacv2", "tenant-1", "channel", "19:team@thread.tacv2");
        ConversationReference ref = reference("https://smba.trafficmanager.net/emea/");
        ChannelAccount anna = new ChannelAccount("29:1anna", "Anna ".repeat(4000));
        anna.setAadObjectId("a1b2c3d4-0000-4000-8000-000000000001");
        ref.setUser(anna);

        directory.remember(ref, key);

        ConversationReference found = directory.find("19:ops@thread.tacv2").orElseThrow();
        assertThat(found.getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/");
        assertThat(found.getUser().getId()).isEqualTo("29:1anna");
        assertThat(found.getUser().getAadObjectId()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
        assertThat(found.getUser().getName()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void installAndUpdateArrivingTogetherBothStoreTheReference(Databases db) throws Exception {
        var directory = new ConversationDirectory(JdbcClient.create(db.migrated()), clock);
        var key = new ConversationKey("a:1personal", "tenant-1", "personal", null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var tasks = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> (java.util.concurrent.Callable<Object>) () -> {
                    directory.remember(reference("https://smba.trafficmanager.net/emea/"), key);
                    return null;
                }).toList();

        for (var f : pool.invokeAll(tasks)) {
            f.get(); // none may fail
        }
        pool.shutdown();

        assertThat(directory.find("a:1personal")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void cardIdsAreRememberedPerKey(Databases db) {
        var cards = new CardMessages(JdbcClient.create(db.migrated()), clock);

        cards.remember("run:7:progress", "conv-1", "act-1");
        cards.remember("run:7:progress", "conv-1", "act-2");

        assertThat(cards.find("run:7:progress")).contains(new CardMessages.SentCard("conv-1", "act-2"));
        assertThat(cards.find("run:8:progress")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void storageKeepsTypesAndSurvivesANewInstance(Databases db) {
        DataSource ds = db.migrated();
        storage(ds).write(Map.of("pending/conv-1", new PendingInteractions.PendingInteraction("d-1", "onboarding form", clock.instant()))).join();

        Object read = storage(ds).read(new String[] {"pending/conv-1", "missing"}).join().get("pending/conv-1");

        assertThat(read).isInstanceOf(PendingInteractions.PendingInteraction.class);
        assertThat(((PendingInteractions.PendingInteraction) read).description()).isEqualTo("onboarding form");
        storage(ds).delete(new String[] {"pending/conv-1"}).join();
        assertThat(storage(ds).read(new String[] {"pending/conv-1"}).join()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void storeItemsGetOptimisticConcurrency(Databases db) {
        JdbcStorage storage = storage(db.migrated());
        storage.write(Map.of("state/x", new Counter(1, "*"))).join();
        Counter first = (Counter) storage.read(new String[] {"state/x"}).join().get("state/x");
        Counter second = (Counter) storage.read(new String[] {"state/x"}).join().get("state/x");

        storage.write(Map.of("state/x", new Counter(2, first.getETag()))).join();

        assertThatThrownBy(() -> storage.write(Map.of("state/x", new Counter(3, second.getETag()))).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("eTag conflict");
        assertThat(((Counter) storage.read(new String[] {"state/x"}).join().get("state/x")).value).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void pendingInteractionIsClearedByCancel(Databases db) {
        DataSource ds = db.migrated();
        var pending = new PendingInteractions(new dev.scimpilot.chat.StateStore(storage(ds)), clock, JdbcClient.create(ds));
        pending.start("conv-1", "d-1", "the onboarding form for Brennwald + Heilig AG");

        assertThat(pending.isOpen("conv-1", "d-1")).isTrue();
        assertThat(pending.isOpen("conv-1", "d-2")).isFalse();
        assertThat(pending.clear("conv-1")).contains("the onboarding form for Brennwald + Heilig AG");
        assertThat(pending.clear("conv-1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFormIsUsedUpByExactlyOneOfTwoSimultaneousSubmits(Databases db) throws Exception {
        DataSource ds = db.migrated();
        var pending = new PendingInteractions(new dev.scimpilot.chat.StateStore(storage(ds)), clock, JdbcClient.create(ds));
        for (int round = 0; round < 20; round++) {
            String id = "token-form-" + round;
            pending.start("conv-1", id, "the token rotation for Rheintal");
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Callable<Boolean> click = () -> {
                start.await();
                return pending.claim("conv-1", id);
            };
            var first = pool.submit(click);
            var second = pool.submit(click);
            start.countDown();
            assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
            pool.shutdown();
            assertThat(pending.isOpen("conv-1", id)).isFalse();
            assertThat(pending.claim("conv-1", id)).as("a replay later").isFalse();
        }
    }

    private JdbcStorage storage(DataSource ds) {
        return new JdbcStorage(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
    }

    private static ConversationReference reference(String serviceUrl) {
        ConversationReference ref = new ConversationReference();
        ref.setServiceUrl(serviceUrl);
        ref.setChannelId("msteams");
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("19:ops@thread.tacv2");
        ref.setConversation(conversation);
        ref.setBot(new ChannelAccount("28:bot", "SCIM Pilot"));
        return ref;
    }

    /** A StoreItem like the SDK's state objects. */
    public static class Counter implements StoreItem {
        public int value;
        private String eTag;

        public Counter() {}

        Counter(int value, String eTag) {
            this.value = value;
            this.eTag = eTag;
        }

        @Override
        public String getETag() {
            return eTag;
        }

        @Override
        public void setETag(String eTag) {
            this.eTag = eTag;
        }
    }
}
