package dev.scimpilot.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@code consent link}: the admin-consent URL for a client tenant, by domain (OpenID discovery) or tenant id. */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.graph.client-id=" + ConsentLinkIT.GRAPH_APP})
class ConsentLinkIT {

    static final String GRAPH_APP = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = SandboxApp.sandbox();

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void domainIsResolvedToItsTenantAndTheLinkUsesTheConfiguredAuthority() {
        JsonNode card = cardFor("consent link " + DemoData.BRENNWALD_DOMAIN);

        String expected = sandbox.authorityHost().replaceAll("/+$", "") + "/" + DemoData.BRENNWALD_TENANT_ID
                + "/adminconsent?client_id=" + GRAPH_APP;
        assertThat(card.toString()).contains("Admin consent for " + DemoData.BRENNWALD_DOMAIN)
                .contains("(" + expected + ")").contains(DemoData.BRENNWALD_TENANT_ID);
        assertThat(facts(card)).contains("Link=" + expected).contains("Graph app=" + GRAPH_APP);
    }

    @Test
    void aTenantIdNeedsNoLookupAndAnEmailAddressWorksToo() {
        String tenant = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        assertThat(facts(cardFor("<at>SCIM Pilot</at> Consent Link " + tenant.toUpperCase()))).contains("Tenant=" + tenant);
        assertThat(facts(cardFor("consent anna.meier@" + DemoData.BRENNWALD_DOMAIN)))
                .contains("Tenant=" + DemoData.BRENNWALD_TENANT_ID);
    }

    @Test
    void unknownDomainIsAClearMessage() {
        assertThat(textReply("consent link nobody-here.example")).contains("nobody-here.example")
                .contains("consent link <tenant id>");
    }

    @Test
    void withoutATenantItAsksForOne() {
        assertThat(textReply("consent link")).contains("Which tenant?");
    }

    @Test
    void onlyTechniciansGetTheLink() {
        ObjectNode message = activities.message("consent link " + DemoData.BRENNWALD_DOMAIN);
        message.with("from").put("aadObjectId", "99999999-0000-4000-8000-000000000009");

        bot.post(message);

        assertThat(teams.calls().get(0).body().toString()).contains("Only SCIM Pilot technicians").doesNotContain("adminconsent");
    }

    private JsonNode cardFor(String text) {
        teams.reset();
        bot.post(activities.message(text));
        JsonNode card = teams.calls().get(teams.calls().size() - 1).body().path("attachments").path(0).path("content");
        assertThat(card.isMissingNode()).as("a card for '%s': %s", text, teams.calls()).isFalse();
        return card;
    }

    private String textReply(String text) {
        teams.reset();
        bot.post(activities.message(text));
        return teams.calls().get(teams.calls().size() - 1).body().path("text").asText();
    }

    private static String facts(JsonNode card) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode fact : card.findValues("facts").get(0)) {
            sb.append(fact.path("title").asText()).append('=').append(fact.path("value").asText()).append('\n');
        }
        return sb.toString();
    }
}
