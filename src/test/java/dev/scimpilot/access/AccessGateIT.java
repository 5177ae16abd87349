package dev.scimpilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Who may do what, checked before dispatch; every refusal is audited. */
class AccessGateIT {

    static final FakeTeams teams = FakeTeams.start();

    @AfterAll
    static void stop() {
        teams.close();
    }

    /** Nothing configured: the bot fails closed, but still says what it is and how to set it up. */
    @Nested
    @BotIntegrationTest
    class NothingConfigured {
        @LocalServerPort int port;
        @Autowired JdbcClient jdbc;

        @Test
        void everyCommandIsRefusedWithHowToConfigureAndHelpStillWorks() {
            teams.reset();
            var activities = new TeamsActivities(teams.serviceUrl());
            var bot = new BotEndpoint(port);

            bot.post(activities.message("onboard client Brennwald"));
            bot.post(activities.message("runs"));
            bot.post(activities.execute("run.approve", activities.data().put("runId", "x").put("planVersion", 1), "a"));
            bot.post(activities.message("help"));

            var calls = teams.calls();
            assertThat(calls.get(0).body().path("text").asText()).contains("not set up yet").contains("scimpilot.access.technicians");
            assertThat(calls.get(1).body().path("text").asText()).contains("not set up yet");
            assertThat(calls.get(2).body().path("text").asText()).contains("not set up yet");
            assertThat(calls.get(3).body().path("attachments")).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.refused'").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Nested
    @BotIntegrationTest
    @TestPropertySource(properties = {
            "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
            "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
            "scimpilot.access.allowed-tenants=" + TeamsActivities.TENANT,
            "scimpilot.access.commands-per-minute=5"})
    class Configured {
        @LocalServerPort int port;
        @Autowired AuditLog audit;
        TeamsActivities activities;
        BotEndpoint bot;

        @BeforeEach
        void setUp() {
            teams.reset();
            activities = new TeamsActivities(teams.serviceUrl());
            bot = new BotEndpoint(port);
        }

        @Test
        void anotherTenantIsRefusedPolitely() {
            ObjectNode foreign = activities.message("runs");
            foreign.with("conversation").put("tenantId", "00000000-0000-4000-8000-00000000dead");

            bot.post(foreign);

            assertThat(teams.calls().get(0).body().path("text").asText()).contains("only works in its MSP's own");
        }

        @Test
        void someoneWhoIsNeitherTechnicianNorApproverIsRefusedByObjectIdNotName() {
            ObjectNode stranger = activities.message("runs");
            stranger.with("from").put("aadObjectId", "c0ffee00-0000-4000-8000-000000000099").put("name", "Anna Technician");

            bot.post(stranger);

            assertThat(teams.calls().get(0).body().path("text").asText()).contains("Only SCIM Pilot technicians and approvers");
        }

        @Test
        void floodingIsSlowedDown() {
            ObjectNode flood = activities.message("runs");
            flood.with("from").put("aadObjectId", TeamsActivities.APPROVER_AAD);
            for (int i = 0; i < 7; i++) {
                bot.post(flood);
            }
            assertThat(teams.calls().get(6).body().path("text").asText()).contains("more than 5 requests in a minute");
        }
    }
}
