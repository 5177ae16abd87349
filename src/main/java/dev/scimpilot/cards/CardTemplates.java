package dev.scimpilot.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Expands the Adaptive Card templates in {@code classpath:cards/} with a card's data record, giving exactly the
 * JSON Microsoft's {@code adaptivecards-templating} would give. Templates are parsed once and cached; safe to
 * share between threads.
 */
@Component
public class CardTemplates implements dev.scimpilot.chat.CardRenderer {

    /** The attachment content type Teams renders as an Adaptive Card. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    // Jackson 2, because the Bot SDK serialises activities with Jackson 2. Nulls are left out: the official
    // engine throws on a null inside text, while a missing property is written back as ${name}.
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final LoadingCache<String, Template> templates = Caffeine.newBuilder().build(this::load);

    /** Expands the template named after the record's type ({@code RunPlanCard} → {@code cards/run-plan.json}). */
    public JsonNode expand(Record data) {
        return expand(templateName(data.getClass()), data);
    }

    @Override
    public JsonNode render(String template, Record data) {
        return expand(template, data);
    }

    /** Expands {@code cards/<name>.json} with {@code data} as {@code $root}. */
    public JsonNode expand(String name, Record data) {
        return template(name).expand(Js.canonical(toTree(data)));
    }

    /** Expands {@code cards/<name>.json} with JSON data (sample files, tests, benchmarks). */
    public JsonNode expand(String name, JsonNode data) {
        return template(name).expand(Js.canonical(data));
    }

    /** The record as the JSON tree a template sees (ISO dates, no null properties). */
    public JsonNode toTree(Record data) {
        return mapper.valueToTree(data);
    }

    /** Loads and parses a template now (and caches it), so a broken template fails at startup or in a test. */
    public void verify(String name) {
        template(name);
    }

    /** {@code RunPlanCard} → {@code run-plan}: a card record's template name. */
    public static String templateName(Class<?> recordType) {
        String simple = recordType.getSimpleName();
        if (!simple.endsWith("Card") || simple.length() == 4) {
            throw new IllegalArgumentException(simple + " is not a card record (its name must end in Card)");
        }
        String stem = simple.substring(0, simple.length() - 4);
        return stem.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private Template template(String name) {
        Template cached = templates.getIfPresent(name);
        if (cached != null) {
            return cached; // names are checked once, when they are loaded
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a card template name: " + name);
        }
        try {
            return templates.get(name);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Template load(String name) {
        String path = "cards/" + name + ".json";
        try (InputStream in = CardTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new CardTemplateException("no card template " + path + " on the classpath");
            }
            return Template.compile(name, mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card template " + path, e);
        }
    }
}
