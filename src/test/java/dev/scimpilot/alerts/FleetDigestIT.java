package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.health.HealthProperties;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The daily fleet digest (issue 7, {@code scimpilot.health.daily-digest=true}), through the bot against the sandbox on a
 * fixed clock: the fleet card goes to the `alerts here` channel once per day however often the daily job runs; the
 * next day it goes again; without a channel, or with the digest off, nothing is posted.
 */
@BotIntegrationTest
@Import(AlertsIT.Clocks.class)
@TestPropertySource(properties = {"scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD, "scimpilot.reminders.startup-delay=PT10H",
        "scimpilot.reminders.watchdog-interval=PT10H", "scimpilot.reminders.daily-at=03:17",
        "scimpilot.health.daily-digest=true"})
class FleetDigestIT {

    static final FakeTeams teams = FakeTeams.start();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired MutableClock clock;
    @Autowired FleetDigest digest;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    BotEndpoint bot;
    TeamsActivities activities;

    @BeforeEach
    void setUp() {
        clock.set(AlertsIT.START);
        teams.reset();
        bot = new BotEndpoint(port);
        activities = new TeamsActivities(teams.serviceUrl());
        registry.all().forEach(c -> registry.delete(c.id()));
        jdbc.sql("DELETE FROM alert_channel").update();
        jdbc.sql("DELETE FROM fleet_digest").update();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void theFleetCardGoesToTheAlertsChannelOncePerDay() {
        registry.save(AlertsIT.rheintal(LocalDate.of(2026, 12, 3), "a:1personal-chat-anna"));
        assertThat(digest.postIfDue()).as("no alerts channel yet").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fleet_digest").query(Integer.class).single()).isZero();

        var here = activities.channelMention("alerts here");
        here.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        bot.post(here);
        AlertsIT.awaitRoundAfterAlertsHere(jdbc);
        teams.reset();

        assertThat(digest.postIfDue()).isTrue();
        assertThat(teams.calls()).hasSize(1);
        var call = teams.calls().get(0);
        assertThat(call.path()).startsWith("/v3/conversations/" + AlertsIT.CHANNEL + "/activities");
        assertThat(call.body().toString()).contains("Provisioning health: all 1").contains("Rheintal Logistik AG")
                .contains("Quarantine");

        clock.set(AlertsIT.START.plus(Duration.ofHours(10))); // later the same day (another replica, a restart)
        assertThat(digest.postIfDue()).isFalse();
        assertThat(teams.calls()).hasSize(1);

        clock.set(LocalDate.of(2026, 11, 29).atTime(3, 17).toInstant(ZoneOffset.UTC)); // the next day
        assertThat(digest.postIfDue()).isTrue();
        assertThat(digest.postIfDue()).isFalse();
        assertThat(teams.calls()).hasSize(2);
    }

    @Test
    void offByDefaultNothingIsChecked() {
        registry.save(AlertsIT.rheintal(LocalDate.of(2026, 12, 3), "conv"));
        HealthProperties on = context.getBean(HealthProperties.class);
        FleetDigest off = new FleetDigest(new HealthProperties(on.clientsAtOnce(), on.maxRequests(), on.maxRequestsPerTenant(), false),
                context.getBean(AlertProperties.class), registry, context.getBean(dev.scimpilot.health.FleetCheck.class),
                context.getBean(AlertChannel.class), context.getBean(dev.scimpilot.chat.ProactiveMessenger.class), jdbc,
                context.getBean(dev.scimpilot.audit.AuditLog.class), clock);
        assertThat(off.postIfDue()).isFalse();
        assertThat(teams.calls()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fleet_digest").query(Integer.class).single()).isZero();
    }
}
