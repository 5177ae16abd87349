package dev.scimpilot.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code register client} adopts the sandbox's hand-onboarded Rheintal tenant (read-only: the shared sandbox is not
 * changed) and {@code forget client} removes it again, approvers only; both audited, duplicates refused.
 */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD})
class RegisterClientIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = SandboxApp.sandbox();

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired JdbcClient jdbc;
    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
        registry.all().forEach(c -> registry.delete(c.id()));
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void rheintalIsFoundInItsTenantShownAgainstTheRunbookAndRecordedOnConfirmation() {
        bot.post(activities.message("register client Rheintal Logistik AG"));
        JsonNode form = lastCard();
        assertThat(form.toString()).contains("Register a client onboarded by hand");
        assertThat(form.findValues("id").stream().map(JsonNode::asText)).contains("tokenIssuedOn");

        LocalDate issued = LocalDate.now().minusDays(177);
        BotEndpoint.Answer report = bot.post(submit(form, DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_ORG_ID,
                issued.toString()));
        assertThat(report.body()).contains("Register Rheintal Logistik AG?").contains("NinjaOne SCIM")
                .contains("Quarantine").contains("EncounteredQuarantineException").contains("SingleAppRoleAssignment")
                .contains("Switch([companyName]").contains("NinjaOne-EndUsers").contains(DemoData.RHEINTAL_TENANT_ID);
        assertThat(registry.all()).as("nothing recorded before the confirmation").isEmpty();

        String draftId = form.findValues("draftId").get(0).asText();
        BotEndpoint.Answer done = bot.post(activities.execute("register.confirm", activities.data().put("draftId", draftId), "act-report"));
        assertThat(done.body()).contains("Rheintal Logistik AG is registered").contains("rotate token Rheintal Logistik AG");

        Client c = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow();
        assertThat(c.tenantId()).isEqualTo(DemoData.RHEINTAL_TENANT_ID);
        assertThat(c.ninjaOrgId()).isEqualTo(DemoData.RHEINTAL_ORG_ID);
        assertThat(c.servicePrincipalId()).isEqualTo(DemoData.RHEINTAL_SP_ID);
        assertThat(c.appObjectId()).isEqualTo(DemoData.RHEINTAL_APP_OBJECT_ID);
        assertThat(c.jobId()).isEqualTo(DemoData.RHEINTAL_JOB_ID);
        assertThat(c.groupId()).isEqualTo(DemoData.RHEINTAL_GROUP_ID);
        assertThat(c.fallback()).isEqualTo("All");
        assertThat(c.tokenExpiresOn()).isEqualTo(issued.plusMonths(6));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE client_name = ?").param(DemoData.RHEINTAL_COMPANY)
                .query(String.class).list()).contains("client.registered");

        // a replayed confirmation records nothing twice
        BotEndpoint.Answer again = bot.post(activities.execute("register.confirm", activities.data().put("draftId", draftId), "act-report"));
        assertThat(again.body()).contains("This form is closed");
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void anUnknownTokenDateIsRecordedAsExpiringNow() {
        bot.post(activities.message("register client"));
        JsonNode form = lastCard();
        bot.post(submit(form, DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_ORG_ID, ""));
        bot.post(activities.execute("register.confirm", activities.data().put("draftId", form.findValues("draftId").get(0).asText()), "r"));

        Client c = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow();
        assertThat(c.scimTokenExpiresAt()).isBefore(Instant.now().plusSeconds(5)).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(c.scimTokenIssuedAt()).isNull();
    }

    @Test
    void duplicatesUnknownDomainsAndOrganizationsAreRefusedClearly() {
        registry.save(new Client("c-1", "Rheintal Logistik AG", 21, "Rheintal", DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID,
                java.util.List.of(), "All", null, null, null, null, null, null, null, null, null, null, null, Instant.now(),
                "conv", "Anna", Instant.now(), null, Instant.now()));
        bot.post(activities.message("register client"));
        JsonNode form = lastCard();

        assertThat(bot.post(submit(form, "rheintal logistik ag", "other.ch", 21, "")).body())
                .contains("The registry already has Rheintal Logistik AG");
        assertThat(bot.post(submit(form, "Rheintal Two", DemoData.RHEINTAL_DOMAIN, 21, "")).body())
                .contains(DemoData.RHEINTAL_DOMAIN + " is already registered, as Rheintal Logistik AG");
        assertThat(bot.post(submit(form, "Brennwald + Heilig AG", DemoData.BRENNWALD_DOMAIN, 999, "")).body())
                .contains("NinjaOne has no organization 999");
        assertThat(bot.post(submit(form, "Nobody AG", "no-such-domain.example", 12, "")).body())
                .contains("No Microsoft Entra tenant uses the domain 'no-such-domain.example'");
        assertThat(bot.post(submit(form, "Brennwald + Heilig AG", DemoData.BRENNWALD_DOMAIN, 12, "2999-01-01")).body())
                .contains("The token date is in the future");
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void forgetClientIsForApproversConfirmsAndLeavesTheTenantAlone() {
        registry.save(new Client("c-1", "Rheintal Logistik AG", 21, "Rheintal", DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID,
                java.util.List.of(), "All", null, null, null, null, null, DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, null,
                null, null, null, Instant.now(), "conv", "Anna", Instant.now(), null, Instant.now()));
        int apps = sandbox.state().servicePrincipals(DemoData.RHEINTAL_TENANT_ID).size();

        bot.post(activities.message("forget client Rheintal"));
        assertThat(lastText()).contains("Only approvers may remove a client");
        ObjectNode technicianClick = activities.execute("client.forget", activities.data().put("clientId", "c-1"), "act-forget");
        bot.post(technicianClick);
        assertThat(registry.byId("c-1")).as("a forged click by a technician removes nothing").isPresent();

        bot.post(asApprover(activities.message("forget client Rheintal")));
        assertThat(lastCard().toString()).contains("Forget Rheintal Logistik AG?").contains("Nothing in the client's tenant");
        assertThat(registry.byId("c-1")).as("nothing before the confirmation").isPresent();

        BotEndpoint.Answer done = bot.post(asApprover(activities.execute("client.forget", activities.data().put("clientId", "c-1"), "act-forget")));
        assertThat(done.body()).contains("Rheintal Logistik AG is forgotten");
        assertThat(registry.byId("c-1")).isEmpty();
        assertThat(sandbox.state().servicePrincipals(DemoData.RHEINTAL_TENANT_ID)).hasSize(apps);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE client_name = ?").param("Rheintal Logistik AG")
                .query(String.class).list()).contains("client.forgotten");
    }

    private ObjectNode submit(JsonNode form, String name, String domain, long org, String issuedOn) {
        return activities.execute("register.submit", activities.data().put("draftId", form.findValues("draftId").get(0).asText())
                .put("clientName", name).put("emailDomain", domain).put("ninjaOrgId", Long.toString(org))
                .put("tokenIssuedOn", issuedOn), "act-register");
    }

    private static ObjectNode asApprover(ObjectNode activity) {
        activity.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        return activity;
    }

    private JsonNode lastCard() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("attachments").path(0).path("content");
    }

    private String lastText() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("text").asText();
    }
}
