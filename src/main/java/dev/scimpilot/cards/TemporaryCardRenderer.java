package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimpilot.chat.CardRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** TEMPORARY until the templating engine lands (same day): loads the template without expanding it. */
@Component
class TemporaryCardRenderer implements CardRenderer {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public JsonNode render(String template, Record data) {
        try (InputStream in = getClass().getResourceAsStream("/cards/" + template + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No card template " + template);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
