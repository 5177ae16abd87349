package dev.scimpilot.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expanded card (samples, the plan's approver view, the largest realistic data) is parsed by Microsoft's
 * {@code adaptivecards} 3.0.6 renderer library: zero parse or validation messages, zero unknown element types.
 */
class CardValidationTest {

    private static final CardTemplates CARDS = new CardTemplates();
    private static Map<String, JsonNode> verdicts;

    static Map<String, JsonNode> expandedCards() {
        Map<String, JsonNode> cards = new LinkedHashMap<>();
        for (String name : CardConformanceTest.cardNames()) {
            cards.put(name, CARDS.expand(CardSamples.sample(name)));
        }
        cards.put("run-plan (approver view)", CARDS.expand(CardSamples.<RunPlanCard>sample("run-plan").forApprover()));
        CardSamples.largest().forEach((label, data) -> cards.put(label, CARDS.expand(data)));
        return cards;
    }

    static Stream<String> labels() {
        return expandedCards().keySet().stream();
    }

    @BeforeAll
    static void askTheOfficialParser() {
        ObjectNode request = NodeOracle.JSON.createObjectNode().put("mode", "validate");
        ArrayNode list = request.putArray("cards");
        expandedCards().forEach((label, card) -> list.addObject().put("id", label).set("card", card));
        verdicts = new HashMap<>();
        NodeOracle.call(request).get("results").forEach(r -> verdicts.put(r.get("id").asText(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void officialParserAcceptsTheCard(String label) {
        JsonNode verdict = verdicts.get(label);
        assertThat(verdict).as("verdict for " + label).isNotNull();
        assertThat(verdict.get("unknownTypes")).as(label + " unknown element types").isEmpty();
        assertThat(verdict.get("messages")).as(label + " parse/validation messages").isEmpty();
    }
}
