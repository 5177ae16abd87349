package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.persistence.Databases;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two SCIM Pilot instances on one PostgreSQL run the expiry scan and the watchdog at the same moment: the
 * Rheintal reminder and its quarantine alert are each posted exactly once; a restarted instance posts nothing again.
 */
class AlertsTwoReplicasIT {

    static final FakeTeams teams = FakeTeams.start();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        teams.reset();
    }

    @Test
    void eachReminderAndAlertIsPostedOnceAcrossReplicasAndRestarts() throws Exception {
        String url = freshDatabase();
        ConfigurableApplicationContext a = start(url);
        ConfigurableApplicationContext b = start(url);

        TeamsActivities activities = new TeamsActivities(teams.serviceUrl());
        var alertsHere = activities.channelMention("alerts here");
        alertsHere.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver")
                .put("aadObjectId", TeamsActivities.APPROVER_AAD);
        new BotEndpoint(port(a)).post(alertsHere);
        AlertsIT.awaitRoundAfterAlertsHere(a.getBean(JdbcClient.class));
        a.getBean(ClientRegistry.class).save(AlertsIT.rheintal(LocalDate.now(ZoneOffset.UTC).plusDays(5), "a:1personal-chat-anna"));
        teams.reset();

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> jobs = List.of(
                race(go, () -> a.getBean(ExpiryReminders.class).scan()), race(go, () -> b.getBean(ExpiryReminders.class).scan()),
                race(go, () -> a.getBean(ProvisioningWatchdog.class).checkAll()),
                race(go, () -> b.getBean(ProvisioningWatchdog.class).checkAll()));
        go.countDown();
        int posted = jobs.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(posted).isEqualTo(2);
        List<String> sent = teams.calls().stream().filter(c -> c.path().contains("19:ops@thread.tacv2/activities"))
                .map(c -> c.body().toString()).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent).filteredOn(s -> s.contains("SCIM token expires soon: Rheintal Logistik AG")).hasSize(1);
        assertThat(sent).filteredOn(s -> s.contains("Provisioning job in quarantine: Rheintal Logistik AG")).hasSize(1);

        // a restart (and the startup round of a new replica) posts nothing that was posted already
        a.close();
        replicas.remove(a);
        ConfigurableApplicationContext c = start(url);
        assertThat(c.getBean(ExpiryReminders.class).scan()).isZero();
        assertThat(c.getBean(ProvisioningWatchdog.class).checkAll()).isZero();
        assertThat(b.getBean(ExpiryReminders.class).scan()).isZero();
        assertThat(teams.calls()).hasSize(2);
    }

    private static CompletableFuture<Integer> race(CountDownLatch go, Supplier<Integer> job) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return job.get();
        });
    }

    private ConfigurableApplicationContext start(String url) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
                "--scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
                "--scimpilot.reminders.startup-delay=PT10H", "--scimpilot.reminders.watchdog-interval=PT10H"));
        SandboxApp.sandbox().scimPilotProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScimPilotApplication.class,
                BotIntegrationTest.OfflineCredentials.class).run(args.toArray(String[]::new));
        replicas.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String freshDatabase() {
        String name = "alerts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient.create(Databases.postgres().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        return Databases.postgres().getJdbcUrl("postgres", name);
    }
}
