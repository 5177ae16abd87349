package dev.scimpilot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimpilot.chat.CommandRouter;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.testing.BotIntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Teams command lists in manifest/manifest.json are the bot's own command declarations: for each scope the bot
 * supports, title = command name and description = its help line, in help order. Teams shows at most 10 commands per
 * list (title ≤ 32 characters, description ≤ 128), so with more commands the first 10 in help order are listed.
 */
@BotIntegrationTest
class ManifestCommandsIT {

    static final int TEAMS_MAX_COMMANDS = 10;

    @Autowired CommandRouter router;

    @Test
    void everyScopeListsTheBotsCommandsAsDeclared() throws IOException {
        JsonNode bot = new ObjectMapper().readTree(Path.of("manifest/manifest.json").toFile()).path("bots").path(0);
        Map<String, String> expected = new LinkedHashMap<>();
        for (CommandSpec spec : router.specs().subList(0, Math.min(TEAMS_MAX_COMMANDS, router.specs().size()))) {
            expected.put(spec.name(), spec.help());
        }
        List<String> scopes = new ArrayList<>();
        bot.path("scopes").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");

        for (String scope : scopes) {
            Map<String, String> listed = new LinkedHashMap<>();
            int lists = 0;
            for (JsonNode list : bot.path("commandLists")) {
                if (list.path("scopes").toString().contains("\"" + scope + "\"")) {
                    lists++;
                    list.path("commands").forEach(c -> listed.put(c.path("title").asText(), c.path("description").asText()));
                }
            }
            assertThat(lists).as("exactly one command list for scope %s", scope).isEqualTo(1);
            assertThat(listed)
                    .as("manifest.json commandLists for scope %s must be the bot's command declarations (CommandSpec name "
                            + "and help, help order); update manifest/manifest.json to:%n%s", scope, snippet(expected))
                    .containsExactlyEntriesOf(expected);
            listed.forEach((title, description) -> {
                assertThat(title.length()).as("Teams command title '%s'", title).isLessThanOrEqualTo(32);
                assertThat(description.length()).as("Teams command description of '%s'", title).isLessThanOrEqualTo(128);
            });
        }
    }

    private static String snippet(Map<String, String> expected) {
        StringBuilder sb = new StringBuilder();
        expected.forEach((t, d) -> sb.append("  { \"title\": \"").append(t).append("\", \"description\": \"")
                .append(d.replace("\"", "\\\"")).append("\" },\n"));
        return sb.toString();
    }
}
