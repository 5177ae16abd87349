package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.persistence.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.scimpilot.chat.AppCredentialsSource;
import dev.scimpilot.testing.TestAppCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two SCIM Pilot instances on one PostgreSQL: every step of every run is executed by exactly one of them, and a run
 * one of them was executing is finished by the other when the first stops.
 */
class TwoReplicasIT {

    /** The widget runbook, labelled with the replica it runs in, so the test sees who applied each step. */
    @Configuration(proxyBeanMethods = false)
    static class LabelledWidgets {
        @Bean
        WidgetRunbook widgetRunbook(@Value("${test.replica}") String replica) {
            return new WidgetRunbook(RunRestartIT.TENANT, replica);
        }

        @Bean
        @Primary
        AppCredentialsSource offlineAppCredentials() {
            return TestAppCredentials::new;
        }

        /** Stands for a reminder or an alert: a one-time task whose id names what it is about and when. */
        @Bean
        Task<String> reminderTask() {
            return Tasks.oneTime(REMINDER).execute((instance, context) -> REMINDERS_SENT.add(instance.getId()));
        }
    }

    static final TaskDescriptor<String> REMINDER = TaskDescriptor.of("test-reminder", String.class);
    static final List<String> REMINDERS_SENT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        RunRestartIT.TENANT.reset();
    }

    @Test
    void manyRunsOnTwoReplicasApplyEachStepOnce() {
        String url = freshDatabase();
        ConfigurableApplicationContext a = start(url, "A");
        ConfigurableApplicationContext b = start(url, "B");
        RunService serviceA = a.getBean(RunService.class);
        RunService serviceB = b.getBean(RunService.class);
        WidgetRunbook runbook = a.getBean(WidgetRunbook.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Run run = (i % 2 == 0 ? serviceA : serviceB).plan(runbook, new WidgetRunbook.Params("Client " + (char) ('A' + i), "teal"),
                    new ChatUser("29:t", "tech-1", "Anna"), "conv-1");
            // both replicas receive the click (two approvers, load balancer): one wins
            serviceA.approve(run.id(), 1, new ChatUser("29:b", "boss-1", "Bruno"));
            serviceB.approve(run.id(), 1, new ChatUser("29:e", "boss-2", "Elena"));
            ids.add(run.id());
        }

        RunRepository runs = a.getBean(RunRepository.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ids.stream().anyMatch(id -> runs.find(id).orElseThrow().status() != RunStatus.SUCCEEDED)
                && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(ids).allMatch(id -> runs.find(id).orElseThrow().status() == RunStatus.SUCCEEDED);
        assertThat(RunRestartIT.TENANT.applies("create-widget")).isEqualTo(10);
        assertThat(RunRestartIT.TENANT.applies("paint-widget")).isEqualTo(10);
    }

    @Test
    void aRunOneReplicaWasExecutingIsFinishedByTheOtherWhenTheFirstStops() {
        String url = freshDatabase();
        Map<String, ConfigurableApplicationContext> byName = Map.of("A", start(url, "A"), "B", start(url, "B"));
        RunService service = byName.get("A").getBean(RunService.class);
        Run run = service.plan(byName.get("A").getBean(WidgetRunbook.class), new WidgetRunbook.Params("Failover AG", "teal"),
                new ChatUser("29:t", "tech-1", "Anna"), "conv-1");

        // Whichever replica picked up step 1 stops as soon as it has applied it, i.e. between step 1 and step 2.
        AtomicReference<String> stopped = new AtomicReference<>();
        RunRestartIT.TENANT.afterApply = step -> {
            if (step.equals("create-widget") && stopped.get() == null) {
                String last = RunRestartIT.TENANT.appliedBy.get(RunRestartIT.TENANT.appliedBy.size() - 1);
                stopped.set(last.substring(last.indexOf('@') + 1));
                new Thread(byName.get(stopped.get())::close).start();
                sleep(1500); // the shutdown is under way before this step ends and schedules the next one
            }
        };
        service.approve(run.id(), 1, new ChatUser("29:b", "boss-1", "Bruno"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((stopped.get() == null || byName.get(stopped.get()).isActive()) && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        assertThat(stopped.get()).as("a replica applied step 1 and stopped").isNotNull();
        assertThat(byName.get(stopped.get()).isActive()).isFalse();
        RunRestartIT.TENANT.afterApply = step -> {};
        String survivor = stopped.get().equals("A") ? "B" : "A";

        RunRepository runs = byName.get(survivor).getBean(RunRepository.class);
        while (runs.find(run.id()).orElseThrow().status() != RunStatus.SUCCEEDED && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        // each step once: step 1 by the replica that stopped, step 2 by the one still running
        assertThat(RunRestartIT.TENANT.appliedBy).containsExactly("create-widget@" + stopped.get(), "paint-widget@" + survivor);
    }

    /**
     * The pattern for reminders and alerts: every replica may decide that the same reminder is due (each runs the
     * same sweep); scheduled under an id that names the client and the day, it is sent once. The id only deduplicates
     * while the task is pending: once it has run, the same id can be scheduled again, so a reminder must also record
     * that it was sent (as run steps record their state) if a later sweep could decide the same again.
     */
    @Test
    void aReminderBothReplicasScheduleIsSentOnce() {
        String url = freshDatabase();
        Scheduler a = start(url, "A").getBean(Scheduler.class);
        Scheduler b = start(url, "B").getBean(Scheduler.class);
        REMINDERS_SENT.clear();

        Instant due = Instant.now().plus(Duration.ofSeconds(3)); // all four requests are in before it is due
        for (Scheduler replica : List.of(a, b, a, b)) {
            replica.scheduleIfNotExists(REMINDER.instance("token-expiry/brennwald/2026-11-28").data("Brennwald").scheduledTo(due));
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (REMINDERS_SENT.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        sleep(2000); // ten polling intervals of both replicas: a second execution would have happened by now
        assertThat(REMINDERS_SENT).containsExactly("token-expiry/brennwald/2026-11-28");
    }

    private ConfigurableApplicationContext start(String url, String replica) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScimPilotApplication.class, LabelledWidgets.class)
                .run("--server.port=0", "--test.replica=" + replica, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--scimpilot.access.technicians=tech-1",
                        "--scimpilot.access.approvers=boss-1,boss-2", "--scimpilot.runs.polling-interval=PT0.2S");
        replicas.add(context);
        return context;
    }

    /** A new database on the shared embedded PostgreSQL server, so this test starts from an empty schema. */
    private static String freshDatabase() {
        String name = "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient.create(Databases.postgres().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        return Databases.postgres().getJdbcUrl("postgres", name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
