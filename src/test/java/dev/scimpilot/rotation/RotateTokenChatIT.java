package dev.scimpilot.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.clients.Client;
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
import dev.scimpilot.testing.TeamsActivities;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code rotate token} through the bot protocol against a sandbox of its own (rotating changes Rheintal's quarantined
 * job, which other tests expect as DemoData left it): picker → NinjaOne steps and token form → token tested → plan →
 * approval by someone else → the job back to Active and the expiry moved; a bad token plans and writes nothing; a
 * second rotation is safe.
 */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S"})
class RotateTokenChatIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = Sandbox.start(0);

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        sandbox.scimPilotProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("scimpilot.scim.allowed-hosts", () -> "127.0.0.1");
        registry.add("scimpilot.scim.allow-loopback", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired RunRepository runs;
    @Autowired ClientRegistry registry;
    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
        if (registry.byName(DemoData.RHEINTAL_COMPANY).isEmpty()) {
            registry.save(rheintal());
        }
    }

    @AfterAll
    static void stop() {
        teams.close();
        sandbox.close();
    }

    @Test
    void rotatingRheintalBringsItsQuarantinedJobBackToActiveMovesTheExpiryAndIsSafeTwice() {
        assertThat(job().statusCode()).isEqualTo("Quarantine");
        Instant before = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow().scimTokenExpiresAt();

        // no argument: the picker, soonest expiry first; the row opens the NinjaOne steps and the token form
        bot.post(activities.message("rotate token"));
        JsonNode picker = awaitCard(c -> c.toString().contains("Rotate which client"));
        assertThat(picker.toString()).contains("Rotate which client").contains("Rheintal Logistik AG").contains("5 days left");
        String clientId = picker.findValues("clientId").get(0).asText();
        bot.post(activities.execute("token.rotate", activities.data().put("clientId", clientId), "act-picker"));
        JsonNode form = tokenForm();
        assertThat(form.toString()).contains("Administration → Accounts → Identity Providers").contains("Regenerate token")
                .contains(sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID)).contains(sandbox.ninjaOneBaseUrl());
        assertThat(form.findValues("id").stream().map(JsonNode::asText)).contains("scimToken");

        // the technician regenerates the token in NinjaOne (the one human step) and pastes it
        String token = sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token();
        Run first = submitAndApprove(form, token);
        assertThat(first.status()).as(first.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.steps()).extracting(Run.Step::stepId).containsExactly("save-token", "validate-credentials",
                "restart-job", "canary", "record-rotation");
        assertThat(first.steps()).allMatch(s -> s.state() == StepState.DONE);
        assertThat(job().statusCode()).isEqualTo("Active");
        assertThat(job().scheduleState()).isEqualTo("Active");
        assertThat(sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID))
                .containsEntry("SecretToken", token).containsEntry("BaseAddress", sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID));
        Client rotated = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow();
        assertThat(rotated.scimTokenExpiresAt()).isAfter(before).isAfter(Instant.now().plus(Duration.ofDays(180)));
        assertThat(rotated.tokenRotatedBy()).isEqualTo("Anna Technician");
        assertThat(rotated.tokenRotatedAt()).isNotNull();
        JsonNode result = awaitCard(c -> c.toString().contains("Rotate token succeeded"));
        assertThat(result.toString()).contains("the first reminder comes on").contains("Next reminder");
        bot.post(activities.message("client rheintal"));
        assertThat(awaitCard(c -> c.toString().contains("Rheintal Logistik AG") && c.toString().contains("Token rotated"))
                .toString()).contains("by Anna Technician");

        // twice is safe: the job is running, so it is not restarted again; still one client, still Active
        teams.reset();
        bot.post(activities.message("rotate token Rheintal"));
        Run second = submitAndApprove(tokenForm(), token);
        assertThat(second.status()).as(second.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.steps().get(2).state()).isEqualTo(StepState.SKIPPED);
        assertThat(job().statusCode()).isEqualTo("Active");
        assertThat(registry.all()).filteredOn(c -> c.name().equals(DemoData.RHEINTAL_COMPANY)).hasSize(1);
    }

    @Test
    void aTokenNinjaOneRejectsPlansNothingAndWritesNothingToTheJob() {
        Map<String, String> secretsBefore = sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID);
        int runsBefore = runs.recent(100).size();
        sandbox.clearRequests();

        bot.post(activities.message("rotate token rheintal"));
        JsonNode form = tokenForm();
        String wrong = "wrong-token-" + "x".repeat(20);
        BotEndpoint.Answer answer = bot.post(submit(form, wrong, sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("NinjaOne rejected the SCIM token").contains("Nothing was planned")
                .doesNotContain(wrong);
        // a URL off the allow-list is refused before the token is sent anywhere
        BotEndpoint.Answer offList = bot.post(submit(form, wrong, "https://evil.example.com/scim/v2"));
        assertThat(offList.body()).contains("not a NinjaOne SCIM host").doesNotContain(wrong);

        sleep(500);
        assertThat(runs.recent(100)).hasSize(runsBefore);
        assertThat(sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID)).isEqualTo(secretsBefore);
        assertThat(sandbox.requests()).noneMatch(r -> r.path().contains("/synchronization/"));
        assertThat(teams.calls().toString()).doesNotContain(wrong);
    }

    @Test
    void aTokenRegeneratedAgainBeforeApprovalFailsTheFirstStepAndTheJobKeepsItsToken() {
        Client before = registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow();
        bot.post(activities.message("rotate token rheintal"));
        JsonNode form = tokenForm();
        String token = sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token();
        Map<String, String> secretsBefore = sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID);
        JsonNode plan = submitAndAwaitPlan(form, token);
        // someone clicks Regenerate in NinjaOne once more while the plan waits: the token we hold is dead
        sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID);

        Run run = approve(plan);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.steps().get(0).state()).isEqualTo(StepState.FAILED);
        assertThat(run.steps().get(0).error()).contains("NinjaOne refused the new SCIM token")
                .contains("it keeps its old token").doesNotContain(token);
        assertThat(sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID)).isEqualTo(secretsBefore);
        assertThat(registry.byName(DemoData.RHEINTAL_COMPANY).orElseThrow())
                .as("the registry still has the old token and expiry")
                .satisfies(c -> assertThat(c.scimTokenVersion()).isEqualTo(before.scimTokenVersion()))
                .satisfies(c -> assertThat(c.scimTokenExpiresAt()).isEqualTo(before.scimTokenExpiresAt()));
    }

    private Run submitAndApprove(JsonNode form, String token) {
        return approve(submitAndAwaitPlan(form, token));
    }

    private JsonNode submitAndAwaitPlan(JsonNode form, String token) {
        BotEndpoint.Answer answer = bot.post(submit(form, token, null));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Token rotation requested").doesNotContain(token);
        return awaitCard(c -> c.at("/refresh/action/verb").asText().equals("run.refresh")
                && c.toString().contains("Waiting for approval") && c.toString().contains("Rotate token"));
    }

    private Run approve(JsonNode plan) {
        String runId = plan.at("/refresh/action/data/runId").asText();
        int version = plan.at("/refresh/action/data/planVersion").asInt(1);
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", version), "act-plan");
        approve.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        assertThat(bot.post(approve).status()).isEqualTo(200);
        return await(runId, r -> r.status().isTerminal() || r.status() == RunStatus.FAILED);
    }

    /** The form's submit: its data (form id) plus the inputs; the URL as prefilled unless given. */
    private ObjectNode submit(JsonNode form, String token, String url) {
        String draftId = form.findValues("draftId").get(0).asText();
        String prefilled = form.findValues("value").stream().map(JsonNode::asText).filter(v -> v.startsWith("http")).findFirst().orElse("");
        return activities.execute("token.submit", activities.data().put("draftId", draftId)
                .put("scimEndpoint", url == null ? prefilled : url).put("scimToken", token), "act-form");
    }

    private SandboxState.JobView job() {
        return sandbox.state().jobs(DemoData.RHEINTAL_TENANT_ID).stream().filter(j -> j.id().equals(DemoData.RHEINTAL_JOB_ID))
                .findFirst().orElseThrow();
    }

    /** Rheintal as `register client` records it: the objects DemoData set up by hand, the token expiring in ~5 days. */
    private Client rheintal() {
        Instant now = Instant.now();
        return new Client("c-rheintal", DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_ORG_ID, DemoData.RHEINTAL_COMPANY,
                DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID, List.of(), "All", "NinjaOne-EndUsers",
                DemoData.RHEINTAL_GROUP_ID, "NinjaOne SCIM", DemoData.RHEINTAL_APP_OBJECT_ID, DemoData.RHEINTAL_APP_ID,
                DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID), null, null,
                now.minus(Duration.ofDays(177)), now.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)), "conv", "Anna Technician",
                now.minus(Duration.ofDays(66)), null, now);
    }

    /**
     * The token form, picked by content: a run of an earlier test in this class may still post its last card into the
     * shared conversation, so "the last card" is not always the one this test asked for.
     */
    private JsonNode tokenForm() {
        return awaitCard(c -> c.findValues("id").stream().anyMatch(id -> id.asText().equals("scimToken")));
    }

    private JsonNode awaitCard(Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var match = teams.calls().stream().map(c -> c.body().path("attachments").path(0).path("content"))
                    .filter(condition).reduce((a, b) -> b);
            if (match.isPresent()) {
                return match.get();
            }
            sleep(100);
        }
        throw new AssertionError("expected card never came; got " + teams.calls().stream().map(c -> c.body().toString()).toList());
    }

    private Run await(String runId, Predicate<Run> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run) && Instant.now().isBefore(deadline)) {
            sleep(100);
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
