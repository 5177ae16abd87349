package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
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
import org.springframework.test.context.TestPropertySource;

/** Approvals as people do them in Teams: the plan card, the clicks, and the cards that follow. */
@BotIntegrationTest
@Import(ApprovalChatIT.Config.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD + "," + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S"})
class ApprovalChatIT {

    static final FakeTeams teams = FakeTeams.start();

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        WidgetRunbook.Tenant tenant() {
            return new WidgetRunbook.Tenant();
        }

        @Bean
        WidgetRunbook widgetRunbook(WidgetRunbook.Tenant tenant) {
            return new WidgetRunbook(tenant);
        }

        /** Starts a widget run, the way onboard client starts an onboarding run. */
        @Bean
        Command widgetCommand(RunService service, WidgetRunbook runbook) {
            return new Command() {
                public CommandSpec spec() {
                    return CommandSpec.changing("paint widget", "paint widget <client>", "test runbook");
                }

                public Reply handle(CommandRequest request) {
                    service.plan(runbook, new WidgetRunbook.Params(request.args(), "blue"), request.user(),
                            request.conversation().conversationId());
                    return Reply.none();
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired RunRepository runs;
    @Autowired WidgetRunbook.Tenant tenant;

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
    void planIsPostedApprovedByAnotherPersonAndFollowedByProgressAndResult() {
        bot.post(activities.message("paint widget Brennwald"));
        JsonNode planCard = planCardFor("Brennwald");
        assertThat(text(planCard)).contains("Plan: widget · Brennwald").contains("Waiting for approval");
        assertThat(planCard.at("/refresh/action/verb").asText()).isEqualTo("run.refresh");
        assertThat(planCard.at("/refresh/userIds").toString()).contains("8:orgid:" + TeamsActivities.APPROVER_AAD);
        assertThat(planCard.path("actions")).as("base card is read-only when four-eyes is on").isEmpty();
        String runId = planCard.at("/refresh/action/data/runId").asText();
        String planActivity = cardActivityId();

        // The requester presses Approve on their own run: refused, nothing runs.
        var own = bot.post(activities.execute("run.approve", data(runId, 1), planActivity));
        assertThat(own.status()).isEqualTo(200);
        assertThat(lastText()).contains("four-eyes");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_APPROVAL);

        // The approver's refresh shows the buttons; the requester's does not.
        JsonNode approverView = invokeCard(asApprover(activities.execute("run.refresh", data(runId, 1), planActivity)));
        assertThat(approverView.path("actions").toString()).contains("run.approve").contains("run.reject");
        JsonNode requesterView = invokeCard(activities.execute("run.refresh", data(runId, 1), planActivity));
        assertThat(requesterView.path("actions")).isEmpty();

        // The approver approves: the clicked card is replaced, then progress and result cards follow.
        JsonNode replaced = invokeCard(asApprover(activities.execute("run.approve", data(runId, 1), planActivity)));
        assertThat(text(replaced)).contains("Approved");
        await(runId, r -> r.status() == RunStatus.SUCCEEDED);
        awaitCalls(c -> text(c.card()).contains("widget succeeded"));
        assertThat(teams.calls()).anySatisfy(c -> assertThat(text(c.card())).contains("Done · 2 of 2 steps"));
        long progressPosts = teams.calls().stream()
                .filter(c -> c.method().equals("POST") && text(c.card()).contains("of 2 steps")).count();
        assertThat(progressPosts).as("one progress card, then updates in place").isEqualTo(1);

        // A second click on the stale card changes nothing.
        bot.post(asApprover(activities.execute("run.approve", data(runId, 1), planActivity)));
        assertThat(lastText()).contains("already approved by Bruno");
        assertThat(tenant.applies("create-widget")).isEqualTo(1);
    }

    @Test
    void rejectWithoutAReasonIsRefusedAndWithOneEndsTheRun() {
        bot.post(activities.message("paint widget Heilig"));
        String runId = planCardFor("Heilig").at("/refresh/action/data/runId").asText();

        var noReason = bot.post(asApprover(activities.execute("run.reject", data(runId, 1), "act-x")));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(lastText()).contains("reason is required");

        ObjectNode withReason = data(runId, 1).put("reason", "wrong NinjaOne organization");
        JsonNode card = invokeCard(asApprover(activities.execute("run.reject", withReason, "act-x")));
        assertThat(text(card)).contains("Rejected by Bruno Approver: wrong NinjaOne organization");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.REJECTED);
    }

    @Test
    void forgedRunIdOrVersionChangesNothing() {
        bot.post(activities.message("paint widget Alpen"));
        String runId = planCardFor("Alpen").at("/refresh/action/data/runId").asText();

        bot.post(asApprover(activities.execute("run.approve", data("00000000-0000-0000-0000-000000000000", 1), "a")));
        assertThat(lastText()).contains("cannot find that run");
        bot.post(asApprover(activities.execute("run.approve", data(runId, 7), "a")));
        assertThat(lastText()).contains("plan version 7");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    }

    @Test
    void auditShowsWhoAskedWhoDecidedAndWhatEachStepDid() {
        bot.post(activities.message("paint widget Audited AG"));
        String runId = planCardFor("Audited AG").at("/refresh/action/data/runId").asText();
        bot.post(asApprover(activities.execute("run.approve", data(runId, 1), "act-plan")));
        await(runId, r -> r.status() == RunStatus.SUCCEEDED);
        teams.reset();

        bot.post(activities.message("audit run " + runId.substring(0, 8)));

        // The result card may still be arriving from the run's own thread: pick the audit card by its title.
        assertThat(cardContaining("Audit · run ")).contains("run.planned").contains("Anna Technician").contains("run.approved")
                .contains("Bruno Approver").contains("step.done").contains("created widget").contains("run.succeeded");
        bot.post(activities.message("audit Audited AG"));
        assertThat(cardContaining("Audit · Audited AG")).contains("run.approved");
    }

    @Test
    void aRunsEvidenceIsExportedAsMarkdownAndJsonBehindExpiringLinks() throws Exception {
        bot.post(activities.message("paint widget Evidence AG"));
        String runId = planCardFor("Evidence AG").at("/refresh/action/data/runId").asText();
        bot.post(asApprover(activities.execute("run.approve", data(runId, 1), "act-plan")));
        await(runId, r -> r.status() == RunStatus.SUCCEEDED);
        teams.reset();

        bot.post(activities.message("audit run " + runId.substring(0, 8) + " export"));

        String reply = teamsText("Evidence of run");
        var links = java.util.regex.Pattern.compile("\\((http://localhost:\\d+/downloads/[^)]+)\\)").matcher(reply).results()
                .map(m -> m.group(1)).toList();
        assertThat(links).hasSize(2);
        var http = java.net.http.HttpClient.newHttpClient();
        var md = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(links.get(0))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("content-type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).contains("# Evidence · widget · Evidence AG").contains("approved by Bruno Approver")
                .contains("Anna Technician").contains("created widget w-evidence-ag").contains("`a1f0c3e2-0000-4000-8000-")
                .contains("run.approved").contains("run.succeeded");
        var json = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(links.get(1))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode evidence = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
        assertThat(evidence.path("format").asText()).isEqualTo("scim-pilot-run-evidence/1");
        assertThat(evidence.at("/decision/approver/name").asText()).isEqualTo("Bruno Approver");
        assertThat(evidence.at("/requester/id").asText()).isEqualTo(TeamsActivities.TECHNICIAN_AAD);
        assertThat(evidence.at("/results/0/graphRequestIds/0").asText()).startsWith("a1f0c3e2-");
        assertThat(evidence.path("audit").toString()).contains("run.approved");

        // a link opens only its own file, and a guessed or altered token opens nothing
        String other = links.get(0).replace("-evidence.md", "-evidence.json");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(other)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        String token = links.get(0).split("/downloads/")[1].split("/")[0];
        String altered = links.get(0).replace(token, (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1));
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(altered)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        bot.post(activities.message("audit run 99999999 export"));
        assertThat(lastText()).contains("cannot find a run");
    }

    private String teamsText(String containing) {
        return teams.calls().stream().map(c -> c.body().path("text").asText()).filter(t -> t.contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError("no message containing " + containing));
    }

    @Test
    void runsListsRecentRuns() {
        bot.post(activities.message("paint widget Listed AG"));
        teams.reset();

        bot.post(activities.message("runs"));

        assertThat(cardContaining("Recent runs")).contains("Listed AG").contains("awaiting approval");
        assertThat(text(lastCardWith("Recent runs"))).contains("Recent runs").contains("Listed AG").contains("awaiting approval");
    }

    private ObjectNode data(String runId, int version) {
        return activities.data().put("runId", runId).put("planVersion", version);
    }

    private ObjectNode asApprover(ObjectNode activity) {
        ObjectNode from = activity.putObject("from");
        from.put("id", "29:1bruno-approver");
        from.put("name", "Bruno Approver");
        from.put("aadObjectId", TeamsActivities.APPROVER_AAD);
        return activity;
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


    /** The plan card of this test's run (cards of earlier tests' runs may still be arriving). */
    private JsonNode planCardFor(String client) {
        return lastCardWith("Plan: widget · " + client);
    }

    private JsonNode lastCardWith(String marker) {
        return teams.calls().stream().map(FakeTeams.ConnectorCall::card).filter(c -> c.toString().contains(marker))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no card with " + marker));
    }

    private String cardContaining(String marker) {
        return teams.calls().stream().map(c -> c.card().toString()).filter(c -> c.contains(marker))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no card with " + marker));
    }

    private String cardActivityId() {
        List<FakeTeams.ConnectorCall> calls = teams.calls();
        return "act-" + (1000 + calls.stream().filter(c -> c.method().equals("POST")).count());
    }

    private String lastText() {
        List<FakeTeams.ConnectorCall> calls = teams.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).body().hasNonNull("text")) {
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
                throw new AssertionError("run is " + run.status());
            }
            sleep();
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
