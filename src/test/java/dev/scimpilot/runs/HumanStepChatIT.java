package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.secrets.SecretVault;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Human steps as people meet them in Teams: the plan lists the step, the approved run pauses and posts a card with
 * what to do, what to copy and what to paste back; bad answers and people who may not answer change nothing; the
 * right answer is recorded with who and when, the secret goes to the vault only, and the run finishes. A waiting
 * run shows in {@code runs}, reminds its requester, and can be cancelled.
 */
@BotIntegrationTest
@Import(HumanStepChatIT.Config.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD + ",c3d4e5f6-0000-4000-8000-000000000003",
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.remind-waiting-after=PT2H",
        "scimpilot.runs.polling-interval=PT0.2S"})
class HumanStepChatIT {

    static final FakeTeams teams = FakeTeams.start();
    static final String KEY = "widget-key-0123456789-abcdefghij";

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        HandoverRunbook.Tenant handoverTenant() {
            return new HandoverRunbook.Tenant();
        }

        @Bean
        HandoverRunbook handoverRunbook(HandoverRunbook.Tenant tenant, SecretVault vault) {
            return new HandoverRunbook(tenant, vault);
        }

        @Bean
        Command handoverCommand(RunService service, HandoverRunbook runbook) {
            return new Command() {
                public CommandSpec spec() {
                    return CommandSpec.changing("hand over", "hand over <client>", "test runbook with a human step");
                }

                public Reply handle(CommandRequest request) {
                    service.plan(runbook, new HandoverRunbook.Params(request.args()), request.user(),
                            request.conversation().conversationId());
                    return Reply.none();
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired RunRepository runs;
    @Autowired HandoverRunbook.Tenant tenant;
    @Autowired JdbcClient jdbc;
    @Autowired RunListeners listeners;
    @Autowired RunProperties properties;
    @Autowired RunScheduler scheduler;

    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        tenant.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void approvedRunPausesForThePersonChecksTheAnswerRecordsItAndFinishes() {
        String runId = startAndApprove("Brennwald");
        JsonNode plan = lastCardWith("Plan: handover · Brennwald");
        assertThat(text(plan)).contains("1 by you in NinjaOne").contains("2 · Colour (in the other system)").contains("manual");

        Run waiting = await(runId, r -> r.status() == RunStatus.WAITING);
        assertThat(waiting.steps()).extracting(Run.Step::state)
                .containsExactly(StepState.DONE, StepState.WAITING, StepState.PENDING);
        JsonNode card = awaitCard("Your turn · 2 · Colour");
        assertThat(text(card)).contains("Open the other system and find the widget below.")
                .contains("[Open the other system](https://other.example/widgets)").contains("Widget id");
        assertThat(card.toString()).contains("\"fontType\":\"Monospace\"").contains("w-brennwald");
        assertThat(card.findValues("id").stream().map(JsonNode::asText).toList()).contains("in1", "secret");
        assertThat(card.at("/actions/0/verb").asText()).isEqualTo("run.answer");
        assertThat(text(awaitCard("Waiting for you"))).contains("Your turn");

        // runs shows it as waiting for you
        bot.post(activities.message("runs"));
        assertThat(lastCardWith("Recent runs").toString()).contains("waiting for you");

        // a wrong colour: the card comes back with the reason and what was typed, the run still waits
        JsonNode refused = invokeCard(activities.execute("run.answer", answer(runId, "purple", KEY), "act-h"));
        assertThat(text(refused)).contains("Colour must be red, green or blue, not 'purple'.").contains("Nothing was changed");
        assertThat(refused.toString()).contains("purple").doesNotContain(KEY);
        // no key: refused too
        invokeCard(activities.execute("run.answer", answer(runId, "red", null), "act-h"));
        assertThat(lastText()).contains("Please fill in: Widget key");
        // a technician who has nothing to do with this run may not answer; the card stays as it is
        ObjectNode stranger = activities.execute("run.answer", answer(runId, "red", KEY), "act-h");
        stranger.putObject("from").put("id", "29:1chiara").put("name", "Chiara Other").put("aadObjectId",
                "c3d4e5f6-0000-4000-8000-000000000003");
        assertThat(bot.post(stranger).status()).isEqualTo(200);
        assertThat(lastText()).contains("Only Anna Technician").contains("may answer this step");
        // a stale card (another step number or plan version) changes nothing
        ObjectNode stale = answer(runId, "red", KEY).put("step", 3);
        invokeCard(activities.execute("run.answer", stale, "act-h"));
        assertThat(lastText()).contains("not waiting for an answer");
        Run still = runs.find(runId).orElseThrow();
        assertThat(still.status()).isEqualTo(RunStatus.WAITING);
        assertThat(still.facts()).doesNotContainKey("colour");
        assertThat(tenant.applies("paint-widget")).isZero();

        // the right answer: the card is replaced by a read-only "done" card, the run resumes and finishes
        JsonNode done = invokeCard(activities.execute("run.answer", answer(runId, "Green", KEY), "act-h"));
        assertThat(text(done)).contains("Done · 2 · Colour").contains("Done by Anna Technician: colour green picked");
        assertThat(done.path("actions")).isEmpty();
        assertThat(done.findValues("id").stream().map(JsonNode::asText).toList()).doesNotContain("in1", "secret");
        Run finished = await(runId, r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(finished.facts()).containsEntry("colour", "green").containsEntry("human.pick-colour.by", "Anna Technician")
                .containsKey("human.pick-colour.at");
        assertThat(finished.steps().get(1).result()).contains("Anna Technician");
        assertThat(tenant.colours).containsEntry("w-brennwald", "green");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE run_id = ? AND action = 'step.answered'").param(runId)
                .query(String.class).list()).singleElement().asString().contains("colour green picked");

        // the second click on the old card changes nothing
        invokeCard(activities.execute("run.answer", answer(runId, "red", KEY), "act-h"));
        assertThat(tenant.colours).containsEntry("w-brennwald", "green");
        // the key never reached the database or the chat
        for (String table : List.of("run", "run_step", "audit_event", "bot_state", "card_message")) {
            assertThat(jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString()).as(table).doesNotContain(KEY);
        }
        assertThat(teams.calls().toString()).doesNotContain(KEY);
    }

    @Test
    void waitingRunRemindsItsRequesterOncePerPeriodAndCanBeCancelled() {
        String runId = startAndApprove("Heilig");
        await(runId, r -> r.status() == RunStatus.WAITING);

        RunTasks.remindWaiting(runs, listeners, properties, Clock.systemUTC());
        assertThat(teams.calls().toString()).as("not yet: it waits for less than 2 h").doesNotContain("Reminder for");
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        RunTasks.remindWaiting(runs, listeners, properties, later);
        awaitCalls(c -> c.body().path("text").asText().contains("Reminder for Anna Technician"));
        assertThat(lastText()).contains("run " + runId.substring(0, 8)).contains("2 · Colour").contains("cancel run");
        RunTasks.remindWaiting(runs, listeners, properties, later);
        assertThat(teams.calls().stream().filter(c -> c.body().path("text").asText().contains("Reminder for")).count())
                .as("once per period").isEqualTo(1);

        bot.post(activities.message("cancel run " + runId.substring(0, 8)));
        assertThat(lastText()).contains("cancelled by Anna Technician");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        awaitCalls(c -> text(c.card()).contains("Cancelled · 2 · Colour"));
        invokeCard(activities.execute("run.answer", answer(runId, "red", KEY), "act-h"));
        assertThat(lastText()).contains("not waiting for an answer");
        assertThat(tenant.applies("paint-widget")).isZero();
    }

    /** The bot stopped after marking the step WAITING but before the run was: the recovery pauses again, never skips. */
    @Test
    void aRunInterruptedWhilePausingPausesAgainAndNeverSkipsTheHumanStep() {
        String runId = startAndApprove("Alpen");
        await(runId, r -> r.status() == RunStatus.WAITING);
        jdbc.sql("UPDATE run SET status = 'RUNNING' WHERE id = ?").param(runId).update();

        scheduler.scheduleNext(runId, Instant.now());

        sleep(1000);
        Run run = await(runId, r -> r.status() == RunStatus.WAITING);
        assertThat(run.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.WAITING, StepState.PENDING);
        assertThat(tenant.applies("paint-widget")).isZero();
    }

    private String startAndApprove(String client) {
        bot.post(activities.message("hand over " + client));
        String runId = lastCardWith("Plan: handover · " + client).at("/refresh/action/data/runId").asText();
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", 1), "act-p");
        approve.putObject("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver")
                .put("aadObjectId", TeamsActivities.APPROVER_AAD);
        assertThat(bot.post(approve).status()).isEqualTo(200);
        return runId;
    }

    private ObjectNode answer(String runId, String colour, String key) {
        ObjectNode data = activities.data().put("runId", runId).put("planVersion", 1).put("step", 2).put("in1", colour);
        if (key != null) {
            data.put("secret", key);
        }
        return data;
    }

    private JsonNode invokeCard(ObjectNode invoke) {
        var answer = bot.post(invoke);
        assertThat(answer.status()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(answer.body()).path("value");
        } catch (Exception e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private JsonNode lastCardWith(String marker) {
        return teams.calls().stream().map(FakeTeams.ConnectorCall::card).filter(c -> c.toString().contains(marker))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no card with " + marker + " in " + teams.calls()));
    }

    private JsonNode awaitCard(String marker) {
        awaitCalls(c -> c.card().toString().contains(marker));
        return lastCardWith(marker);
    }

    private String lastText() {
        List<FakeTeams.ConnectorCall> calls = teams.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).body().hasNonNull("text") && !calls.get(i).body().path("text").asText().isBlank()) {
                return calls.get(i).body().path("text").asText();
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

    private void awaitCalls(Predicate<FakeTeams.ConnectorCall> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (teams.calls().stream().noneMatch(condition)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected call never came: " + teams.calls());
            }
            sleep();
        }
    }

    private Run await(String runId, Predicate<Run> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run is " + run.status() + " " + run.steps());
            }
            sleep();
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    private static void sleep() {
        sleep(50);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
