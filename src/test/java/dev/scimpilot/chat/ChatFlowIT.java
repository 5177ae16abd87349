package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bot end to end over HTTP with authentication off (local mode): routing, cards, state, proactive sends. */
@BotIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "scimpilot.access.technicians=" + dev.scimpilot.testing.TeamsActivities.TECHNICIAN_AAD)
@Import(ChatFlowIT.TestHandlers.class)
class ChatFlowIT {

    static final FakeTeams teams = FakeTeams.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProactiveMessenger proactive;

    @Autowired
    TestHandlers.Clicks clicks;

    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
        clicks.count = 0;
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void helpIsACardSentAsItsOwnActivity() {
        var answer = bot.post(activities.message("help"));

        assertThat(answer.status()).isBetween(200, 202);
        List<FakeTeams.ConnectorCall> calls = teams.calls();
        assertThat(calls).hasSize(1);
        JsonNode sent = calls.get(0).body();
        assertThat(calls.get(0).path()).startsWith("/v3/conversations/" + TeamsActivities.CONVERSATION + "/activities");
        assertThat(sent.path("text").isMissingNode() || sent.path("text").isNull() || sent.path("text").asText().isEmpty()).isTrue();
        assertThat(sent.path("attachments")).hasSize(1);
        assertThat(sent.path("attachments").get(0).path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    }

    @Test
    void aMessageThatExpectsRepliesGetsThemInTheResponseNotThroughTheConnector() throws Exception {
        var message = activities.message("help");
        message.put("deliveryMode", "expectReplies");

        var answer = bot.post(message);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode replies = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("activities");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(teams.calls()).isEmpty();
    }

    @Test
    void channelMentionWithOddSpacingAndCaseReachesTheCommand() {
        bot.post(activities.channelMention("  ROTATE   Token  Brennwald + Heilig AG "));

        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).body().path("text").asText())
                .contains("No client matches `Brennwald + Heilig AG`");
        assertThat(teams.calls().get(0).path()).startsWith("/v3/conversations/19:ops@thread.tacv2;messageid=1795860721834/");
    }

    @Test
    void unknownCommandAnswersWithHelpAndTheClosestCommand() {
        bot.post(activities.message("rotate tokn brennwald"));
        // "rotate tokn" is a typo of "rotate token"; the alias "rotate" matches first, so test a real unknown:
        teams.reset();
        bot.post(activities.message("chek provisioning all"));

        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).body().path("attachments")).hasSize(1);
    }

    @Test
    void installingTheBotGreetsAndRemembersTheConversation() {
        bot.post(activities.installationAdd());

        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).body().path("attachments")).hasSize(1);
        String serviceUrl = jdbc.sql("SELECT service_url FROM conversation_reference WHERE conversation_id = ?")
                .param(TeamsActivities.CONVERSATION).query(String.class).single();
        assertThat(serviceUrl).isEqualTo(teams.serviceUrl());
    }

    @Test
    void proactiveMessageReachesAStoredConversation() {
        bot.post(activities.message("cancel"));
        teams.reset();

        proactive.send(TeamsActivities.CONVERSATION, Reply.text("Token for Brennwald expires in 7 days")).join();

        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).method()).isEqualTo("POST");
        assertThat(teams.calls().get(0).body().path("text").asText()).isEqualTo("Token for Brennwald expires in 7 days");
    }

    @Test
    void keyedCardIsUpdatedInPlaceByItsActivityId() {
        bot.post(activities.message("cancel"));
        teams.reset();

        proactive.send(TeamsActivities.CONVERSATION, new Reply.UpdateCard("run:42:progress", "help", new Nothing())).join();
        proactive.send(TeamsActivities.CONVERSATION, new Reply.UpdateCard("run:42:progress", "help", new Nothing())).join();

        List<FakeTeams.ConnectorCall> calls = teams.calls();
        assertThat(calls).extracting(FakeTeams.ConnectorCall::method).containsExactly("POST", "PUT");
        String firstId = jdbc.sql("SELECT activity_id FROM card_message WHERE card_key = 'run:42:progress'")
                .query(String.class).single();
        assertThat(calls.get(1).path()).endsWith("/activities/" + firstId);
    }

    @Test
    void executeRoutesTheVerbToItsTypedHandlerAndReplacesTheCard() {
        var data = activities.data().put("runId", "r-1").put("planVersion", 3);

        var answer = bot.post(activities.execute("test.ping", data, "act-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(clicks.count).isEqualTo(1);
        assertThat(clicks.last).isEqualTo(new Ping("r-1", 3));
        JsonNode body = read(answer.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(body.path("value").path("type").asText()).isEqualTo("AdaptiveCard");
    }

    @Test
    void unknownVerbIsA400WithAClearMessageAndNoHandlerRuns() {
        var answer = bot.post(activities.execute("run.nuke", activities.data(), "act-1"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(read(answer.body()).path("type").asText()).isEqualTo("application/vnd.microsoft.error");
        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).body().path("text").asText()).contains("'run.nuke'").contains("not something I know");
        assertThat(clicks.count).isZero();
    }

    @Test
    void wrongTypesExtraFieldsAndInvalidValuesAreRefusedBeforeTheHandler() {
        var wrongType = activities.data().put("runId", "r-1").put("planVersion", "three");
        var extra = activities.data().put("runId", "r-1").put("planVersion", 3).put("approved", true);
        var invalid = activities.data().put("runId", " ").put("planVersion", -1);

        assertThat(bot.post(activities.execute("test.ping", wrongType, "a")).status()).isEqualTo(400);
        assertThat(bot.post(activities.execute("test.ping", extra, "a")).status()).isEqualTo(400);
        assertThat(bot.post(activities.execute("test.ping", invalid, "a")).status()).isEqualTo(400);

        assertThat(clicks.count).isZero();
        assertThat(teams.calls()).extracting(c -> c.body().path("text").asText())
                .containsExactly(
                        "The card sent a value of the wrong type for 'planVersion'. Nothing was changed.",
                        "The card sent a field I do not expect ('approved'). Nothing was changed.",
                        "Please check the form: planVersion must be greater than 0; runId must not be blank. Nothing was changed.");
    }

    @Test
    void submitFallbackRoutesByTheVerbFieldAndUpdatesTheClickedCard() {
        var value = activities.data().put("verb", "test.ping").put("runId", "r-9").put("planVersion", 1);

        bot.post(activities.submit(value, "act-77"));

        assertThat(clicks.last).isEqualTo(new Ping("r-9", 1));
        assertThat(teams.calls()).extracting(FakeTeams.ConnectorCall::method).containsExactly("PUT");
        assertThat(teams.calls().get(0).path()).endsWith("/activities/act-77");
    }

    @Test
    void malformedBodiesAre400AndNeverReachTheBot() {
        assertThat(bot.post("{not json", null).status()).isEqualTo(400);
        assertThat(bot.post("{\"text\":\"help\"}", null).status()).isEqualTo(400);
        assertThat(bot.post("[]", null).status()).isEqualTo(400);
        assertThat(teams.calls()).isEmpty();
    }

    @Test
    void cancelWithNothingOpenSaysSo() {
        bot.post(activities.message("cancel"));

        assertThat(teams.calls().get(0).body().path("text").asText()).isEqualTo("There is nothing to cancel here.");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void logLinesAreKeyValueAndRedacted(org.springframework.boot.test.system.CapturedOutput output) {
        org.slf4j.LoggerFactory.getLogger("dev.scimpilot.test").info("validating Bearer eyJhbGciOi.eyJ0aWQiOiJ4In0.sig for client_secret=Sup3rS3cret");

        assertThat(output.getOut()).contains("level=INFO").contains("logger=dev.scimpilot.test")
                .contains("msg=\"validating Bearer [REDACTED] for client_secret=[REDACTED]\"")
                .doesNotContain("Sup3rS3cret").doesNotContain("eyJ0aWQiOiJ4In0");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    record Nothing() {}

    record Ping(@NotBlank String runId, @Positive int planVersion) {}

    @TestConfiguration(proxyBeanMethods = false)
    static class TestHandlers {

        static class Clicks {
            int count;
            Ping last;
        }

        @Bean
        Clicks clicks() {
            return new Clicks();
        }

        @Bean
        CardAction<Ping> pingAction(Clicks clicks) {
            return new CardAction<>() {
                public String verb() {
                    return "test.ping";
                }

                public Class<Ping> dataType() {
                    return Ping.class;
                }

                public CardReply handle(CardActionRequest<Ping> request) {
                    clicks.count++;
                    clicks.last = request.data();
                    return CardReply.replaceWith("help", new Nothing());
                }
            };
        }
    }
}
