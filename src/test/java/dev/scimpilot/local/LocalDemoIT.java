package dev.scimpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Local mode's registry starts with Rheintal (LocalDemo): an approver's `alerts here` then brings its expiry
 * reminder and its quarantine alert, with nothing else to set up, as the README's local-mode tour says.
 */
@BotIntegrationTest
@TestPropertySource(properties = {"scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD})
class LocalDemoIT {

    static final FakeTeams teams = FakeTeams.start();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;

    @Test
    void rheintalIsThereOnceAndAlertsHereBringsItsReminderAndQuarantineAlert() throws Exception {
        assertThat(LocalDemo.seed(registry, SandboxApp.sandbox())).isTrue();
        assertThat(LocalDemo.seed(registry, SandboxApp.sandbox())).as("a second start adds nothing").isFalse();
        var rheintal = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow();
        assertThat(rheintal.scimTokenExpiresAt()).isBetween(Instant.now().plus(Duration.ofDays(4)), Instant.now().plus(Duration.ofDays(6)));

        var activities = new TeamsActivities(teams.serviceUrl());
        ObjectNode alertsHere = activities.channelMention("alerts here");
        alertsHere.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver")
                .put("aadObjectId", TeamsActivities.APPROVER_AAD);
        new BotEndpoint(port).post(alertsHere);

        Instant deadline = Instant.now().plusSeconds(60);
        while (!(posted("SCIM token expires soon: Rheintal Logistik AG") && posted("Provisioning job in quarantine: Rheintal"))) {
            assertThat(Instant.now()).as("reminder and quarantine alert posted: " + teams.calls()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean posted(String text) {
        return teams.calls().stream().anyMatch(c -> c.body().toString().contains(text));
    }
}
