package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The onboarding form: prefilled from NinjaOne, checked before anything else, the token never echoed. */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD})
class OnboardFormIT {

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
    void formListsNinjaOneOrganizationsAndPreselectsTheClient() {
        JsonNode form = openForm("Brennwald + Heilig AG");

        JsonNode orgInput = input(form, "ninjaOrgId");
        assertThat(orgInput.path("value").asText()).isEqualTo(Long.toString(DemoData.BRENNWALD_ORG_ID));
        assertThat(orgInput.path("choices").toString()).contains("Brennwald + Heilig AG (12)").contains("Seeberger");
        assertThat(input(form, "scimToken").path("style").asText()).isEqualTo("Password");
        assertThat(input(form, "scimToken").has("value")).isFalse();
        assertThat(input(form, "mailExclusion").path("value").asText()).isEqualTo("backup|monitor|noreply|service|info");
    }

    @Test
    void onlyTechniciansMayOnboard() {
        ObjectNode message = activities.message("onboard client Brennwald");
        message.with("from").put("aadObjectId", "99999999-0000-4000-8000-000000000009");

        bot.post(message);

        assertThat(teams.calls().toString()).contains("Only SCIM Pilot technicians");
    }

    @Test
    void rejectedTokenBringsTheFormBackWithoutTheToken() {
        JsonNode form = openForm("Brennwald + Heilig AG");
        ObjectNode inputs = inputs(form, "wrong-token-0123456789abcdef");

        JsonNode again = invokeCard(inputs);

        assertThat(text(again)).contains("rejected the SCIM token");
        assertThat(again.toString()).doesNotContain("wrong-token-0123456789abcdef");
        assertThat(teams.calls().toString()).doesNotContain("wrong-token-0123456789abcdef");
        assertThat(input(again, "emailDomain").path("value").asText()).isEqualTo(DemoData.BRENNWALD_DOMAIN);
    }

    @Test
    void disallowedScimHostIsRefusedBeforeAnyTokenIsSent() {
        JsonNode form = openForm("Brennwald + Heilig AG");
        ObjectNode inputs = inputs(form, "whatever-token-value");
        inputs.with("value").with("action").with("data").put("scimUrl", "https://169.254.169.254/latest/meta-data");

        assertThat(text(invokeCard(inputs))).contains("not an IP address or localhost");
    }

    @Test
    void withoutAScimTokenTheFormAsksForItOrForTheSsoSetUp() {
        JsonNode form = openForm("Brennwald + Heilig AG");
        assertThat(input(form, "sso").path("value").asText()).isEqualTo("existing");
        ObjectNode inputs = inputs(form, "x-token");
        inputs.with("value").with("action").with("data").put("scimUrl", "").put("sso", "existing").remove("scimToken");

        JsonNode again = invokeCard(inputs);

        assertThat(text(again)).contains("Paste the SCIM endpoint URL and token").contains("set up SSO first");
        assertThat(input(again, "sso").path("value").asText()).isEqualTo("existing");
        ObjectNode wrongChoice = inputs(form, "x-token");
        wrongChoice.with("value").with("action").with("data").put("sso", "maybe");
        assertThat(bot.post(wrongChoice).status()).isEqualTo(400);
        assertThat(teams.calls().toString()).contains("sso must be existing or new");
    }

    @Test
    void unknownDomainAsksForTheTenantId() {
        JsonNode form = openForm("Nobody AG");
        ObjectNode inputs = inputs(form, "x-token");
        inputs.with("value").with("action").with("data").put("emailDomain", "nobody-here.example");

        assertThat(text(invokeCard(inputs))).contains("Enter the tenant ID");
    }

    @Test
    void badInputIsAClearMessageAndChangesNothing() {
        JsonNode form = openForm("Brennwald + Heilig AG");
        ObjectNode inputs = inputs(form, "x-token");
        inputs.with("value").with("action").with("data").put("mailExclusion", "(a+)+$").put("tenantId", "not-a-guid");

        var answer = bot.post(inputs);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(teams.calls().toString())
                .contains("mailExclusion must be words separated by |").contains("tenantId must be a GUID or empty");
    }

    @Test
    void acceptedTokenReplacesTheFormAndIsNeverShown() {
        String token = sandbox.state().scimIdentityProvider(DemoData.BRENNWALD_ORG_ID).orElseThrow().token();
        JsonNode form = openForm("Brennwald + Heilig AG");

        JsonNode received = invokeCard(inputs(form, token));

        assertThat(text(received)).contains("Onboarding request received").contains(DemoData.BRENNWALD_TENANT_ID);
        assertThat(received.toString()).doesNotContain(token);
        assertThat(teams.calls().toString()).doesNotContain(token);
        // The same form cannot be submitted twice.
        assertThat(text(invokeCard(inputs(form, token)))).contains("This form is closed");
        // Let the background preflight finish here rather than post into the next test.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (teams.calls().stream().noneMatch(c -> c.body().toString().contains("Preflight"))
                && java.time.Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
    }

    @Test
    void cancelClosesTheForm() {
        JsonNode form = openForm("Brennwald + Heilig AG");
        ObjectNode cancel = activities.execute("onboard.cancel", activities.data().put("draftId", draftId(form)), "act-1");

        assertThat(text(invokeCard(cancel))).contains("Onboarding cancelled");
        assertThat(text(invokeCard(inputs(form, "x-token")))).contains("This form is closed");
    }

    private JsonNode openForm(String client) {
        bot.post(activities.message("onboard client " + client));
        // The newest form (background work of an earlier test may post other cards meanwhile).
        return teams.calls().stream()
                .map(c -> c.body().path("attachments").path(0).path("content"))
                .filter(card -> card.toString().contains("\"id\":\"scimToken\""))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no form card in " + teams.calls()));
    }

    /** The invoke Teams sends on "Check tenant and plan": card data plus every input's value. */
    private ObjectNode inputs(JsonNode form, String token) {
        ObjectNode data = activities.data()
                .put("draftId", draftId(form))
                .put("clientName", "Brennwald + Heilig AG")
                .put("emailDomain", DemoData.BRENNWALD_DOMAIN)
                .put("tenantId", "")
                .put("ninjaOrgId", Long.toString(DemoData.BRENNWALD_ORG_ID))
                .put("fallback", "All")
                .put("groupName", "NinjaOne-EndUsers")
                .put("mailExclusion", "backup|monitor|noreply|service|info")
                .put("upnExclusion", "")
                .put("scimUrl", sandbox.scimBaseUrl(DemoData.BRENNWALD_ORG_ID))
                .put("scimToken", token)
                .put("usesIntune", "false");
        return activities.execute("onboard.submit", data, "act-form");
    }

    private JsonNode invokeCard(ObjectNode invoke) {
        var answer = bot.post(invoke);
        try {
            JsonNode body = new ObjectMapper().readTree(answer.body());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return body.path("value");
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static String draftId(JsonNode form) {
        return form.findValues("draftId").get(0).asText();
    }

    private static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("no input " + id + " in " + card);
    }

    private static String text(JsonNode card) {
        StringBuilder sb = new StringBuilder();
        card.findValues("text").forEach(t -> sb.append(t.asText()).append('\n'));
        card.findValues("value").forEach(t -> sb.append(t.asText()).append('\n'));
        return sb.toString();
    }
}
