package dev.scimpilot.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The card set's rules that need no browser or Node: data shapes, verbs, secrets, versions and sizes. */
class CardTemplatesTest {

    private static final CardTemplates CARDS = new CardTemplates();
    private static final Pattern VERB = Pattern.compile("[a-z]+\\.[a-z]+");
    /** What Action.Execute data may carry: ids and version guards, never secrets. */
    private static final Set<String> DATA_KEYS = Set.of("runId", "planVersion", "clientId", "draftId", "page", "step");

    static Stream<String> cardNames() {
        return CardConformanceTest.cardNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardNames")
    void sampleDataHasExactlyTheShapeOfTheRecord(String name) {
        Record record = CardSamples.sample(name);
        assertThat(CardTemplates.templateName(record.getClass())).isEqualTo(name);
        assertThat(CARDS.toTree(record)).isEqualTo(CardConformanceTest.read(CardConformanceTest.CARDS.resolve(name + ".data.json")));
        assertThat(CARDS.expand(record)).isEqualTo(CARDS.expand(name, CARDS.toTree(record)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardNames")
    void expandedSampleFollowsTheTeamsRules(String name) {
        checkTeamsRules(name, CARDS.expand(CardSamples.sample(name)));
    }

    static Stream<String> largest() {
        return CardSamples.largest().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largest")
    void largestRealisticDataStaysUnderTeamsLimit(String label) {
        Record data = CardSamples.largest().get(label);
        checkTeamsRules(label, CARDS.expand(data));
    }

    static void checkTeamsRules(String label, JsonNode card) {
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(Double.parseDouble(card.path("version").asText("9"))).as(label + " version").isLessThanOrEqualTo(1.5);
        assertThat(card.toString()).as(label + " still has an unresolved binding").doesNotContain("${");
        int bytes = card.toString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as(label + " size in bytes").isLessThan(CardSamples.TEAMS_MESSAGE_LIMIT_BYTES);
        for (JsonNode fact : card.findValues("facts")) {
            fact.forEach(f -> assertThat(f.path("title").isTextual() && f.path("value").isTextual())
                    .as(label + " fact title/value are strings: " + f).isTrue());
        }
        for (JsonNode node : card.findParents("type")) {
            String type = node.path("type").asText();
            if (type.equals("Action.Execute")) {
                assertThat(node.path("verb").asText()).as(label + " verb").matches(VERB);
                assertThat(ids(node.path("data"))).as(label + " Action.Execute data keys").isSubsetOf(DATA_KEYS);
            }
            if (type.equals("Action.Submit") || type.equals("Action.OpenUrl")) {
                throw new AssertionError(label + ": use Action.Execute (Universal Actions), not " + type);
            }
            if (node.path("style").asText().equals("Password")) {
                assertThat(node.has("value")).as(label + " prefilled password input " + node.path("id")).isFalse();
            }
            if (type.equals("TextBlock")) {
                // A number here passes the official parser but renders as nothing (seen in the screenshots).
                assertThat(node.path("text").isTextual()).as(label + " TextBlock text is a string: " + node).isTrue();
            }
            if (type.startsWith("Input.")) {
                assertThat(node.path("label").asText(node.path("title").asText())).as(label + " input label").isNotBlank();
            }
        }
    }

    private static List<String> ids(JsonNode data) {
        List<String> keys = new ArrayList<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void planCardShowsButtonsOnlyToApproversThroughRefresh() {
        RunPlanCard plan = CardSamples.sample("run-plan");
        JsonNode everyone = CARDS.expand(plan);
        JsonNode approver = CARDS.expand(plan.forApprover());

        assertThat(everyone.path("actions")).isEmpty();
        assertThat(everyone.at("/refresh/action/verb").asText()).isEqualTo("run.refresh");
        assertThat(everyone.at("/refresh/action/data/runId").asText()).isEqualTo(plan.runId());
        assertThat(everyone.at("/refresh/action/data/planVersion").asInt()).isEqualTo(plan.planVersion());
        assertThat(everyone.at("/refresh/userIds")).hasSize(plan.approverIds().size());
        assertThat(approver.path("actions").findValuesAsText("verb")).containsExactly("run.approve", "run.reject");
        assertThat(approver.findValues("id").stream().map(JsonNode::asText)).contains("reason");
    }

    @Test
    void unknownFunctionIsAnErrorAtLoadNamingTemplateAndExpression() {
        JsonNode template = NodeOracle.JSON.createObjectNode().put("text", "Hi ${shout(name)}");
        assertThatThrownBy(() -> Template.compile("greeting", template))
                .isInstanceOf(CardTemplateException.class)
                .hasMessageContaining("greeting")
                .hasMessageContaining("shout(name)")
                .hasMessageContaining("unknown function shout");
    }

    @Test
    void badSyntaxAndUnsupportedOperatorsAreErrorsAtLoad() {
        for (String text : List.of("${a +}", "${a b}", "${a ?? b}", "${x => x}", "${a <> b}", "${[1, 2]}")) {
            JsonNode template = NodeOracle.JSON.createObjectNode().put("text", text);
            assertThatThrownBy(() -> Template.compile("t", template)).as(text).isInstanceOf(CardTemplateException.class);
        }
    }

    @Test
    void templateNamesFollowTheRecordNames() {
        assertThat(CardTemplates.templateName(RunPlanCard.class)).isEqualTo("run-plan");
        assertThat(CardTemplates.templateName(HelpCard.class)).isEqualTo("help");
        assertThat(CardTemplates.templateName(ExpiryReminderCard.class)).isEqualTo("expiry-reminder");
        assertThatThrownBy(() -> CARDS.expand("../secrets", NodeOracle.JSON.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CARDS.verify("no-such-card")).isInstanceOf(CardTemplateException.class);
    }

    @Test
    void expansionIsThreadSafeAndDoesNotShareMutableTrees() throws Exception {
        Map<String, Record> samples = new java.util.LinkedHashMap<>();
        CardConformanceTest.cardNames().forEach(n -> samples.put(n, CardSamples.sample(n)));
        Map<String, JsonNode> expected = new java.util.HashMap<>();
        samples.forEach((n, r) -> expected.put(n, CARDS.expand(r)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        for (Map.Entry<String, Record> e : samples.entrySet()) {
                            JsonNode card = CARDS.expand(e.getValue());
                            if (!card.equals(expected.get(e.getKey()))) {
                                return false;
                            }
                            ((com.fasterxml.jackson.databind.node.ObjectNode) card).put("mutated", true);
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
