package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunStatus;
import dev.scimpilot.runs.StepState;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.sandbox.SandboxState;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code onboard client} for a new client whose NinjaOne has no identity provider (sandbox: Bergblick), through the
 * bot: "set up SSO first" → plan with the human steps → one approval → the run pauses for NinjaOne's identity
 * provider (bad URLs refused), configures SAML on the app by Graph, assigns the group, pauses for the metadata import
 * and Test Connection (which the sandbox's NinjaOne really checks against the app), pauses for the SCIM token (a bad
 * token refused), then provisions. Onboarding the same client again skips straight to the SCIM token.
 */
@BotIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S"})
class OnboardingSsoChatIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = SandboxApp.sandbox();
    static final long ORG = DemoData.BERGBLICK_ORG_ID;

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    @Autowired RunRepository runs;
    @Autowired ClientRegistry registry;
    @Autowired JdbcClient jdbc;
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
    void newClientGetsSamlSsoThroughThePausesAndASecondRunSkipsToTheScimToken(CapturedOutput output) {
        String runId = submitAndApprove();
        JsonNode plan = lastCardWith("Plan: Onboard client with SSO");
        assertThat(text(plan)).contains("3a · NinjaOne identity provider (you)").contains("3 · SAML single sign-on")
                .contains("3b · NinjaOne: metadata and Test Connection (you)").contains("4 · NinjaOne SCIM endpoint and token (you)")
                .contains("3 by you in NinjaOne");

        // 3a: the run waits for NinjaOne's identity provider
        awaitWaitingAt(runId, 3);
        JsonNode idpCard = awaitCard("Your turn · 3a · NinjaOne identity provider");
        assertThat(idpCard.toString()).contains(DemoData.BERGBLICK_DOMAIN).contains("\"fontType\":\"Monospace\"");
        answer(runId, 4, "https://evil.example.com/saml", "https://evil.example.com/acs", null);
        assertThat(lastText()).contains("`evil.example.com` is not a NinjaOne host").contains("Nothing was changed");
        answer(runId, 4, "ftp://127.0.0.1/saml", "https://127.0.0.1/acs", null);
        assertThat(lastText()).contains("The Entity ID must start with https://");
        assertThat(runs.find(runId).orElseThrow().facts()).doesNotContainKey("samlEntityId");
        SandboxState.SamlIdentityProvider idp = sandbox.state().addIdentityProvider(ORG, DemoData.BERGBLICK_DOMAIN);
        answer(runId, 4, idp.entityId(), idp.replyUrl(), null);
        assertThat(lastText()).contains("is recorded");

        // 3 (Graph) and 7 ran; 3b: NinjaOne imports the metadata and its Test Connection passes against the real app
        awaitWaitingAt(runId, 6);
        Run atMetadata = runs.find(runId).orElseThrow();
        assertThat(atMetadata.steps().get(4).state()).isEqualTo(StepState.DONE);
        assertThat(atMetadata.steps().get(5).state()).isEqualTo(StepState.DONE);
        JsonNode metadataCard = awaitCard("Your turn · 3b");
        String metadataUrl = metadataCard.findValues("text").stream().map(JsonNode::asText)
                .filter(t -> t.contains("federationmetadata/2007-06/federationmetadata.xml?appid=")).findFirst().orElseThrow();
        assertThat(metadataUrl).contains("/" + DemoData.BERGBLICK_TENANT_ID + "/").endsWith("appid=" + atMetadata.facts().get("appId"));
        assertThat(sandbox.state().testSamlConnection(ORG, metadataUrl)).as("NinjaOne's Test Connection").isEmpty();
        answer(runId, 7, null, null, null);

        // 4: the SCIM token, tested before the run goes on
        awaitWaitingAt(runId, 7);
        SandboxState.ScimIdentityProvider scim = sandbox.state().enableScim(ORG);
        answer(runId, 8, scim.scimBaseUrl(), null, "not-the-token-0123456789abcdef");
        assertThat(lastText()).contains("NinjaOne rejected the SCIM token");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.WAITING);
        answer(runId, 8, scim.scimBaseUrl(), null, scim.token());

        Run done = await(runId, r -> r.status().isTerminal() || r.status() == RunStatus.FAILED);
        assertThat(done.status()).as(done.error()).isEqualTo(RunStatus.SUCCEEDED);
        var client = registry.byName(DemoData.BERGBLICK_COMPANY).orElseThrow();
        var cert = registry.samlCertificate(client.id()).orElseThrow();
        assertThat(cert.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(3 * 365 - 2)), Instant.now().plus(Duration.ofDays(3 * 366 + 2)));
        bot.post(activities.message("client Bergblick Holzbau AG"));
        assertThat(lastCardWith("Bergblick Holzbau AG").toString()).contains("SAML signing certificate")
                .contains(cert.thumbprint().substring(0, 6));
        assertThat(sandbox.state().ninjaEndUsers()).anyMatch(u -> Long.valueOf(ORG).equals(u.organizationId()));

        // again, for a client that has SAML now: straight to the SCIM token
        teams.reset();
        String second = submitAndApprove();
        Run planned = runs.find(second).orElseThrow();
        assertThat(planned.steps().subList(3, 8)).extracting(Run.Step::planKind)
                .containsExactly("IN_PLACE", "IN_PLACE", "IN_PLACE", "IN_PLACE", "HUMAN");
        awaitWaitingAt(second, 7);
        answer(second, 8, scim.scimBaseUrl(), null, scim.token());
        Run again = await(second, r -> r.status().isTerminal() || r.status() == RunStatus.FAILED);
        assertThat(again.status()).as(again.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.steps().get(4).state()).as("SAML left alone").isEqualTo(StepState.SKIPPED);
        assertThat(registry.samlCertificate(client.id())).contains(cert);

        assertThat(output.getAll()).doesNotContain(scim.token());
        assertThat(teams.calls().toString()).doesNotContain(scim.token());
        for (String table : List.of("run", "run_step", "client", "audit_event", "bot_state", "card_message")) {
            assertThat(jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString()).as(table).doesNotContain(scim.token());
        }
    }

    private String submitAndApprove() {
        bot.post(activities.message("onboard client " + DemoData.BERGBLICK_COMPANY));
        // by content: an unprompted reminder or alert may arrive in this conversation meanwhile
        JsonNode form = lastCardWith("Onboard a client to NinjaOne SCIM");
        ObjectNode submit = activities.execute("onboard.submit", activities.data()
                .put("draftId", form.findValues("draftId").get(0).asText())
                .put("clientName", DemoData.BERGBLICK_COMPANY)
                .put("emailDomain", DemoData.BERGBLICK_DOMAIN)
                .put("tenantId", "")
                .put("ninjaOrgId", Long.toString(ORG))
                .put("fallback", "All")
                .put("groupName", "NinjaOne-EndUsers")
                .put("mailExclusion", "backup|monitor|noreply|service|info")
                .put("upnExclusion", "")
                .put("scimUrl", "")
                .put("sso", "new")
                .put("usesIntune", "false"), "act-form");
        assertThat(bot.post(submit).status()).isEqualTo(200);
        awaitCall(c -> c.card().at("/refresh/action/verb").asText().equals("run.refresh")
                && text(c.card()).contains("Waiting for approval"));
        JsonNode plan = lastCardWith("Waiting for approval");
        String runId = plan.at("/refresh/action/data/runId").asText();
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", 1), "act-plan");
        approve.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        assertThat(bot.post(approve).status()).isEqualTo(200);
        return runId;
    }

    private void answer(String runId, int step, String in1, String in2, String secret) {
        ObjectNode data = activities.data().put("runId", runId).put("planVersion", 1).put("step", step);
        if (in1 != null) {
            data.put("in1", in1);
        }
        if (in2 != null) {
            data.put("in2", in2);
        }
        if (secret != null) {
            data.put("secret", secret);
        }
        var answer = bot.post(activities.execute("run.answer", data, "act-human"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private void awaitWaitingAt(String runId, int index) {
        Run run = await(runId, r -> (r.status() == RunStatus.WAITING && r.steps().get(index).state() == StepState.WAITING)
                || r.status() == RunStatus.FAILED || r.status().isTerminal());
        assertThat(run.steps().get(index).state()).as(run.status() + " " + run.error() + " " + run.steps()).isEqualTo(StepState.WAITING);
    }

    private JsonNode awaitCard(String marker) {
        awaitCall(c -> c.card().toString().contains(marker));
        return lastCardWith(marker);
    }

    private JsonNode lastCardWith(String marker) {
        return teams.calls().stream().map(FakeTeams.ConnectorCall::card).filter(c -> c.toString().contains(marker))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no card with " + marker));
    }

    private void awaitCall(Predicate<FakeTeams.ConnectorCall> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (teams.calls().stream().anyMatch(condition)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("expected message never came; got " + teams.calls().stream().map(c -> text(c.card())).toList());
    }

    private Run await(String runId, Predicate<Run> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run) && Instant.now().isBefore(deadline)) {
            sleep();
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    private JsonNode lastCard() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).card();
    }

    private String lastText() {
        var calls = teams.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            String t = calls.get(i).body().path("text").asText("");
            if (!t.isBlank()) {
                return t;
            }
        }
        return "";
    }


    private static String text(JsonNode card) {
        StringBuilder sb = new StringBuilder();
        card.findValues("text").forEach(t -> sb.append(t.asText()).append('\n'));
        card.findValues("value").forEach(t -> sb.append(t.asText()).append('\n'));
        return sb.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
