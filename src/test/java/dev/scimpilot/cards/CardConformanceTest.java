package dev.scimpilot.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template in {@code cards/} (with its sample data) and every edge case in {@code cards-corpus/} must
 * expand to exactly the JSON that Microsoft's {@code adaptivecards-templating} 2.3.1 gives, and where the
 * official engine throws, ours must throw too. One Node process answers all cases.
 */
class CardConformanceTest {

    static final Path CARDS = Path.of("cards");
    static final Path CORPUS = Path.of("src/test/resources/cards-corpus");

    private static final CardTemplates TEMPLATES = new CardTemplates();
    private static Map<String, JsonNode> official;

    record Case(String id, JsonNode template, JsonNode data, boolean isCard) {}

    static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String name : cardNames()) {
            JsonNode template = read(CARDS.resolve(name + ".json"));
            JsonNode sample = read(CARDS.resolve(name + ".data.json"));
            cases.put("cards/" + name, new Case("cards/" + name, template, sample, true));
            // The same card down its other branches: empty lists, negative numbers / flipped flags, blank texts.
            for (String kind : List.of("empty-lists", "negated", "blank-texts")) {
                String id = "cards/" + name + "#" + kind;
                cases.put(id, new Case(id, template, variant(sample, kind), true));
            }
        }
        CardSamples.largest().forEach((label, record) -> {
            String id = "cards/" + CardTemplates.templateName(record.getClass()) + "#" + label;
            cases.put(id, new Case(id, read(CARDS.resolve(CardTemplates.templateName(record.getClass()) + ".json")),
                    TEMPLATES.toTree(record), true));
        });
        for (Path file : list(CORPUS, ".template.json")) {
            String name = file.getFileName().toString().replace(".template.json", "");
            cases.put("corpus/" + name, new Case("corpus/" + name, read(file),
                    read(CORPUS.resolve(name + ".data.json")), false));
        }
        return cases;
    }

    /** Template names in cards/ (every {@code x.json} that is not {@code x.data.json}). */
    static List<String> cardNames() {
        return list(CARDS, ".json").stream()
                .map(p -> p.getFileName().toString())
                .filter(f -> !f.endsWith(".data.json"))
                .map(f -> f.substring(0, f.length() - ".json".length()))
                .toList();
    }

    static Stream<String> caseIds() {
        return cases().keySet().stream();
    }

    @BeforeAll
    static void askTheOfficialEngine() {
        ObjectNode request = NodeOracle.JSON.createObjectNode().put("mode", "expand");
        ArrayNode list = request.putArray("cases");
        cases().values().forEach(c -> list.addObject().put("id", c.id()).<ObjectNode>set("template", c.template())
                .set("data", c.data()));
        official = new HashMap<>();
        NodeOracle.call(request).get("results").forEach(r -> official.put(r.get("id").asText(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseIds")
    void expandsExactlyLikeTheOfficialEngine(String id) {
        Case c = cases().get(id);
        JsonNode expected = official.get(id);
        assertThat(expected).as("official result for " + id).isNotNull();
        if (expected.has("error")) {
            assertThatThrownBy(() -> expandWithJava(c))
                    .as("the official engine fails with: " + expected.get("error").asText())
                    .isInstanceOf(CardTemplateException.class);
            return;
        }
        JsonNode ours = expandWithJava(c);
        assertThat(ours.toPrettyString()).isEqualTo(expected.get("output").toPrettyString());
        assertThat(ours).isEqualTo(expected.get("output"));
    }

    private static JsonNode expandWithJava(Case c) {
        if (c.isCard()) {
            String name = c.id().substring("cards/".length()).split("#")[0];
            return TEMPLATES.expand(name, c.data());
        }
        return Template.compile(c.id(), c.template()).expand(Js.canonical(c.data()));
    }

    /** Sample data pushed down other branches of a template; same shape, different values. */
    static JsonNode variant(JsonNode data, String kind) {
        if (data.isObject()) {
            ObjectNode copy = NodeOracle.JSON.createObjectNode();
            data.fields().forEachRemaining(e -> copy.set(e.getKey(), variant(e.getValue(), kind)));
            return copy;
        }
        if (data.isArray()) {
            ArrayNode copy = NodeOracle.JSON.createArrayNode();
            if (!kind.equals("empty-lists")) {
                data.forEach(item -> copy.add(variant(item, kind)));
            }
            return copy;
        }
        if (kind.equals("negated") && data.isNumber()) {
            return NodeOracle.JSON.getNodeFactory().numberNode(-data.asInt() - 1);
        }
        if (kind.equals("negated") && data.isBoolean()) {
            return NodeOracle.JSON.getNodeFactory().booleanNode(!data.asBoolean());
        }
        if (kind.equals("blank-texts") && data.isTextual()) {
            return NodeOracle.JSON.getNodeFactory().textNode("");
        }
        return data;
    }

    static JsonNode read(Path file) {
        try {
            return NodeOracle.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
