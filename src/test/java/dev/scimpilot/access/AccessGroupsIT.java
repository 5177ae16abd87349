package dev.scimpilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Technicians and approvers given as Entra groups of the MSP's own tenant: membership (nested too) is read with
 * Graph in the sandbox's MSP tenant, and a lookup Graph cannot answer refuses rather than lets through.
 */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + DemoData.MSP_TECHNICIANS_GROUP_ID,
        "scimpilot.access.approvers=" + DemoData.MSP_APPROVERS_GROUP_ID,
        "scimpilot.access.directory-tenant=" + DemoData.MSP_TENANT_ID,
        "scimpilot.access.membership-cache=0s",
        "scimpilot.access.allowed-teams=19:team-scim-pilot@thread.tacv2"})
class AccessGroupsIT {

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
    @Autowired JdbcClient jdbc;
    @Autowired AccessPolicy policy;
    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        SandboxApp.sandbox().faults().reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
    }

    @AfterEach
    void clearFaults() {
        SandboxApp.sandbox().faults().reset();
    }

    private String replyTo(ObjectNode activity) {
        teams.reset();
        bot.post(activity);
        assertThat(teams.calls()).isNotEmpty();
        return teams.calls().get(0).body().toString();
    }

    private ObjectNode as(String aadObjectId, ObjectNode activity) {
        ((ObjectNode) activity.path("from")).put("aadObjectId", aadObjectId);
        return activity;
    }

    @Test
    void aMemberOfANestedGroupIsATechnicianAndSomeoneInNoGroupIsRefused() {
        // Chiara is in "Service Desk", which is a member of "SCIM Pilot Technicians"
        assertThat(replyTo(as(DemoData.MSP_CHIARA_ID, activities.message("runs")))).doesNotContain("Only SCIM Pilot");
        assertThat(policy.isTechnician(new ChatUser("29:c", DemoData.MSP_CHIARA_ID, "Chiara"))).isTrue();
        assertThat(policy.isApprover(new ChatUser("29:c", DemoData.MSP_CHIARA_ID, "Chiara"))).isFalse();

        // Dario is an approver through "SCIM Pilot Approvers" only
        assertThat(replyTo(as(DemoData.MSP_DARIO_ID, activities.message("runs")))).doesNotContain("Only SCIM Pilot");
        assertThat(policy.isApprover(new ChatUser("29:d", DemoData.MSP_DARIO_ID, "Dario"))).isTrue();
        assertThat(policy.isTechnician(new ChatUser("29:d", DemoData.MSP_DARIO_ID, "Dario"))).isFalse();

        // someone of another tenant (unknown to the MSP directory) is in no group
        String stranger = "0badc0de-0000-4000-8000-00000000beef";
        assertThat(replyTo(as(stranger, activities.message("runs")))).contains("Only SCIM Pilot technicians and approvers");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'access.refused' AND actor_id = ?")
                .param(stranger).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void approverGroupsAreExpandedToPeopleForMentionsAndCardRefresh() {
        assertThat(policy.approverIds()).containsExactlyInAnyOrder(DemoData.MSP_BRUNO_ID, DemoData.MSP_DARIO_ID);
    }

    @Test
    void whenGraphCannotSayTheBotRefusesAndSaysWhy() {
        SandboxApp.sandbox().faults().failNext(20, ".*/checkMemberGroups", 403);
        String reply = replyTo(as(DemoData.MSP_CHIARA_ID, activities.message("runs")));
        assertThat(reply).contains("could not check your group membership").doesNotContain("Recent runs");
        assertThat(policy.isTechnician(new ChatUser("29:c", DemoData.MSP_CHIARA_ID, "Chiara"))).isFalse();
    }

    @Test
    void aChannelOfAnotherTeamIsRefusedButAChatIsNot() {
        ObjectNode foreign = as(DemoData.MSP_ANNA_ID, activities.channelMention("runs"));
        ((ObjectNode) foreign.path("channelData").path("team")).put("id", "19:some-other-team@thread.tacv2");
        assertThat(replyTo(foreign)).contains("does not work in this team");

        ObjectNode allowed = as(DemoData.MSP_ANNA_ID, activities.channelMention("runs"));
        ((ObjectNode) allowed.path("channelData").path("team")).put("id", "19:team-scim-pilot@thread.tacv2");
        assertThat(replyTo(allowed)).doesNotContain("does not work in this team").doesNotContain("Only SCIM Pilot");

        assertThat(replyTo(as(DemoData.MSP_ANNA_ID, activities.message("runs")))).doesNotContain("does not work in this team");
    }
}
