package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunStatus;
import dev.scimpilot.runs.StepState;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
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
 * {@code onboard client} end to end through the bot protocol against the sandbox: form → preflight → plan →
 * approval by someone else → every runbook step → result and registry; then the same again finds everything in
 * place and changes nothing; then {@code rotate token} puts a regenerated token into the job. Neither SCIM token
 * appears in any log line, database row, reply or card.
 */
@BotIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S"})
class OnboardingChatIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = SandboxApp.sandbox();

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
    void cleanTenantIsOnboardedAfterApprovalAndASecondRunChangesNothing(CapturedOutput output) {
        String token = sandbox.state().scimIdentityProvider(DemoData.BRENNWALD_ORG_ID).orElseThrow().token();

        Run first = onboardAndApprove(token);
        assertThat(first.status()).as(first.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.steps()).allMatch(s -> s.state() == StepState.DONE || s.state() == StepState.SKIPPED);
        assertThat(registry.byName("Brennwald + Heilig AG")).get()
                .satisfies(c -> assertThat(c.ninjaOrgId()).isEqualTo(DemoData.BRENNWALD_ORG_ID))
                .satisfies(c -> assertThat(c.tenantId()).isEqualTo(DemoData.BRENNWALD_TENANT_ID))
                .satisfies(c -> assertThat(c.scimTokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(170))));
        awaitCall(c -> cardText(c).contains("Onboard client succeeded"));
        int groups = sandbox.state().groups(DemoData.BRENNWALD_TENANT_ID).size();
        int apps = sandbox.state().applications(DemoData.BRENNWALD_TENANT_ID).size();

        teams.reset();
        Run second = onboardAndApprove(token);
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.steps()).as("every step already in place").allMatch(s -> s.state() == StepState.SKIPPED);
        assertThat(sandbox.state().groups(DemoData.BRENNWALD_TENANT_ID)).hasSize(groups);
        assertThat(sandbox.state().applications(DemoData.BRENNWALD_TENANT_ID)).hasSize(apps);

        var replies = new java.util.ArrayList<>(teams.calls());

        // A rotation: the technician regenerates the token in NinjaOne and rotate token puts it into the job.
        teams.reset();
        String rotated = sandbox.state().regenerateScimToken(DemoData.BRENNWALD_ORG_ID).token();
        Run rotation = rotateAndApprove(rotated);
        assertThat(rotation.status()).as(rotation.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sandbox.state().savedSecrets(DemoData.BRENNWALD_TENANT_ID,
                registry.byName("Brennwald + Heilig AG").orElseThrow().servicePrincipalId())).containsEntry("SecretToken", rotated);
        replies.addAll(teams.calls());

        // Neither token left the vault: not in logs, not in any table, not in any reply or card (nor an invoke answer).
        for (String secret : List.of(token, rotated)) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(replies.toString()).doesNotContain(secret);
            assertThat(invokeAnswers.toString()).doesNotContain(secret);
            // every table there is, so that a table added later is searched too
            for (String table : tables()) {
                assertThat(jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows().toString()).as(table).doesNotContain(secret);
            }
        }
        // nor anything shaped like a NinjaOne SCIM token of the sandbox (a token of another run, a truncated one)
        var tokenLike = java.util.regex.Pattern.compile("ninja-scim-[A-Za-z0-9_-]{6,}");
        assertThat(tokenLike.matcher(output.getAll()).results().map(m -> m.group()).toList()).as("logs").isEmpty();
        assertThat(tokenLike.matcher(replies.toString() + invokeAnswers).results().map(m -> m.group()).toList()).as("replies").isEmpty();
        for (String table : tables()) {
            String rows = jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows().toString();
            assertThat(tokenLike.matcher(rows).results().map(m -> m.group()).toList()).as(table).isEmpty();
        }
    }

    private List<String> tables() {
        List<String> tables = jdbc.sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("run", "client", "audit_event", "bot_state");
        return tables;
    }

    private final List<String> invokeAnswers = new java.util.ArrayList<>();

    private Run rotateAndApprove(String token) {
        bot.post(activities.message("rotate token Brennwald"));
        // by content: the onboarding run's own last cards may still arrive in this conversation
        JsonNode form = teams.calls().stream().map(FakeTeams.ConnectorCall::card)
                .filter(c -> c.toString().contains("NinjaOne SCIM token for")).reduce((a, b) -> b).orElseThrow();
        String url = form.findValues("value").stream().map(JsonNode::asText).filter(v -> v.startsWith("http")).findFirst().orElseThrow();
        var answer = bot.post(activities.execute("token.submit", activities.data()
                .put("draftId", form.findValues("draftId").get(0).asText())
                .put("scimEndpoint", url)
                .put("scimToken", token), "act-token-form"));
        invokeAnswers.add(answer.body());
        assertThat(answer.body()).contains("Token rotation requested");
        JsonNode plan = awaitCall(c -> c.card().at("/refresh/action/verb").asText().equals("run.refresh")
                && cardText(c).contains("Waiting for approval") && cardText(c).contains("Rotate token"));
        String runId = plan.at("/refresh/action/data/runId").asText();
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", 1), "act-plan");
        approve.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        assertThat(bot.post(approve).status()).isEqualTo(200);
        return await(runId, r -> r.status().isTerminal() || r.status() == RunStatus.FAILED);
    }

    private Run onboardAndApprove(String token) {
        bot.post(activities.message("onboard client Brennwald + Heilig AG"));
        JsonNode form = lastCard();
        ObjectNode submit = activities.execute("onboard.submit", activities.data()
                .put("draftId", form.findValues("draftId").get(0).asText())
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
                .put("usesIntune", "false"), "act-form");
        var answer = bot.post(submit);
        invokeAnswers.add(answer.body());
        assertThat(answer.status()).isEqualTo(200);
        JsonNode plan = awaitCall(c -> c.card().at("/refresh/action/verb").asText().equals("run.refresh")
                && cardText(c).contains("Waiting for approval"));
        String runId = teamsCall(plan).card().at("/refresh/action/data/runId").asText();
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", 1), "act-plan");
        approve.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        assertThat(bot.post(approve).status()).isEqualTo(200);
        return await(runId, r -> r.status().isTerminal() || r.status() == RunStatus.FAILED);
    }

    private FakeTeams.ConnectorCall teamsCall(JsonNode marker) {
        return teams.calls().stream().filter(c -> c.card() == marker || c.card().equals(marker)).findFirst().orElseThrow();
    }

    private JsonNode awaitCall(Predicate<FakeTeams.ConnectorCall> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var match = teams.calls().stream().filter(condition).reduce((a, b) -> b);
            if (match.isPresent()) {
                return match.get().card();
            }
            sleep();
        }
        throw new AssertionError("expected message never came; got " + teams.calls().stream().map(OnboardingChatIT::cardText).toList());
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


    private static String cardText(FakeTeams.ConnectorCall call) {
        StringBuilder sb = new StringBuilder(call.body().path("text").asText());
        call.card().findValues("text").forEach(t -> sb.append('\n').append(t.asText()));
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
