package dev.scimpilot.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** {@code clients csv}: a download link on the bot's public URL; the file is the registry, rendered when opened; links expire. */
@BotIntegrationTest
@TestPropertySource(properties = {"scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.downloads.public-url=https://scimpilot.example.ch/"})
class RegistryExportIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Pattern LINK = Pattern.compile("https://scimpilot\\.example\\.ch(/downloads/([A-Za-z0-9_-]+)/clients\\.csv)");

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired JdbcClient jdbc;
    BotEndpoint bot;
    TeamsActivities activities;

    @BeforeEach
    void setUp() {
        teams.reset();
        bot = new BotEndpoint(port);
        activities = new TeamsActivities(teams.serviceUrl());
        registry.all().forEach(c -> registry.delete(c.id()));
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void linkDownloadsTheRegistryAndExpires() throws Exception {
        Instant now = Instant.now();
        registry.save(new Client("c-1", "=HYPERLINK(\"x\") AG", 12, "x", "brennwald-heilig.ch",
                "7c1e5a9d-3b2f-4e8a-9d6c-1f0e2b3a4c5d", List.of(), "All", "NinjaOne-EndUsers", "g", "NinjaOne", "a", "app", "sp",
                "scim.1", "https://eu.ninjarmm.com/scim", "scim-x", "v1", now, now.plus(30, ChronoUnit.DAYS).plusSeconds(3600),
                "conv", "Anna", now, null, now));

        bot.post(activities.message("clients csv"));
        String text = teams.calls().get(teams.calls().size() - 1).body().path("text").asText();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(text).contains("The link works until").contains("do not forward it");
        // the database holds only a hash of the token
        assertThat(jdbc.sql("SELECT token_hash FROM download_link").query(String.class).list()).doesNotContain(m.group(2));

        HttpResponse<String> csv = get(m.group(1));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("clients.csv");
        assertThat(csv.body()).startsWith("Client,NinjaOne Org ID,Email Domain,SCIM Token Expiry,Token Days Left,Entra Tenant ID,Status")
                // a formula-looking name is defused and quoted
                .contains("\"'=HYPERLINK(\"\"x\"\") AG\",12,brennwald-heilig.ch,")
                .contains(",30,7c1e5a9d-3b2f-4e8a-9d6c-1f0e2b3a4c5d,not checked,");

        assertThat(get("/downloads/" + "A".repeat(43) + "/clients.csv").statusCode()).isEqualTo(404);
        jdbc.sql("UPDATE download_link SET expires_at = ?").param(java.sql.Timestamp.from(now.minusSeconds(1))).update();
        assertThat(get(m.group(1)).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
