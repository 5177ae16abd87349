package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.clients.SamlCertificate;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The SAML token-signing certificate is reminded like the SCIM token (issue 5): the same thresholds on a fixed clock,
 * each once per client and certificate, approvers @mentioned from 3 days, no Rotate button; a new certificate starts
 * over; token and certificate reminders do not take each other's claims; `expiries` and its calendar list both.
 * Same configuration as {@link AlertsIT}, so the two share one application context.
 */
@BotIntegrationTest
@Import(AlertsIT.Clocks.class)
@TestPropertySource(properties = {"scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD, "scimpilot.reminders.startup-delay=PT10H",
        "scimpilot.reminders.watchdog-interval=PT10H", "scimpilot.reminders.daily-at=03:17"})
class SamlCertificateRemindersIT {

    static final FakeTeams teams = FakeTeams.start();
    static final LocalDate TOKEN_EXPIRY = LocalDate.of(2028, 6, 1); // far away: only the certificate is due
    static final String THUMB = "3F2A9C11D0E4B5A6978812233445566778899AAB";

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired MutableClock clock;
    @Autowired ExpiryReminders reminders;
    @Autowired JdbcClient jdbc;
    BotEndpoint bot;
    TeamsActivities activities;

    @BeforeEach
    void setUp() {
        clock.set(AlertsIT.START);
        teams.reset();
        bot = new BotEndpoint(port);
        activities = new TeamsActivities(teams.serviceUrl());
        registry.all().forEach(c -> registry.delete(c.id()));
        jdbc.sql("DELETE FROM alert_channel").update();
        jdbc.sql("DELETE FROM expiry_reminder").update();
        jdbc.sql("DELETE FROM provisioning_incident").update();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void everyThresholdOnceWithMentionsFromThreeDaysAndNoRotateButton() {
        LocalDate certExpiry = LocalDate.of(2027, 1, 10);
        registry.save(AlertsIT.rheintal(TOKEN_EXPIRY, "a:1personal-chat-anna"));
        registry.saveSamlCertificate("c-rheintal", new SamlCertificate(THUMB, certExpiry.atTime(9, 30).toInstant(ZoneOffset.UTC)));
        bot.post(activities.message("help"));
        teams.reset();

        List<Integer> remindedAt = new ArrayList<>();
        for (int daysLeft = 45; daysLeft >= -2; daysLeft--) {
            clock.set(certExpiry.minusDays(daysLeft).atTime(8, 0).toInstant(ZoneOffset.UTC));
            int before = teams.calls().size();
            reminders.scan();
            reminders.scan(); // another replica, a restart: nothing twice
            int posted = teams.calls().size() - before;
            assertThat(posted).as("reminders at %d days left", daysLeft).isLessThanOrEqualTo(1);
            if (posted == 1) {
                remindedAt.add(daysLeft);
                JsonNode card = lastActivity().path("attachments").path(0).path("content");
                String json = card.toString();
                assertThat(json).contains(daysLeft <= 0 ? "SAML signing certificate expired: Rheintal Logistik AG"
                        : "SAML signing certificate expires soon: Rheintal Logistik AG")
                        .contains("3F2A9C").contains("Sign-in to NinjaOne through Entra")
                        .contains("Make certificate active").doesNotContain("token.rotate").doesNotContain("Rotate now")
                        .doesNotContain("Last rotated");
                boolean mentions = card.path("msteams").path("entities").size() > 0;
                assertThat(mentions).as("approvers mentioned at %d days left", daysLeft).isEqualTo(daysLeft <= 3);
                if (mentions) {
                    assertThat(card.path("body").toString()).contains("this certificate needs replacing");
                }
            }
        }
        assertThat(remindedAt).containsExactly(30, 14, 7, 3, 1, 0, -1, -2);
    }

    @Test
    void tokenAndCertificateDueTheSameDayAreTwoRemindersAndANewCertificateStartsOver() {
        LocalDate day = AlertsIT.START.atOffset(ZoneOffset.UTC).toLocalDate();
        registry.save(AlertsIT.rheintal(day.plusDays(5), "a:1personal-chat-anna"));
        Instant certExpires = day.plusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC); // the same instant as the token's
        registry.saveSamlCertificate("c-rheintal", new SamlCertificate(THUMB, certExpires));
        bot.post(activities.message("help"));
        teams.reset();

        assertThat(reminders.scan()).isEqualTo(2);
        assertThat(reminders.scan()).isZero();
        List<String> posted = teams.calls().stream().map(c -> c.body().toString()).toList();
        assertThat(posted).anyMatch(b -> b.contains("SCIM token expires soon") && b.contains("token.rotate"));
        assertThat(posted).anyMatch(b -> b.contains("SAML signing certificate expires soon") && !b.contains("token.rotate"));

        // replaced: the new certificate's thresholds start from scratch
        LocalDate newExpiry = day.plusYears(3);
        registry.saveSamlCertificate("c-rheintal", new SamlCertificate("77AA" + THUMB.substring(4),
                newExpiry.atTime(10, 0).toInstant(ZoneOffset.UTC)));
        clock.set(newExpiry.minusDays(30).atTime(8, 0).toInstant(ZoneOffset.UTC));
        teams.reset();
        assertThat(reminders.scan()).isEqualTo(1 + 1); // the new certificate's 30-day reminder, and the long-expired token
        assertThat(teams.calls().stream().map(c -> c.body().toString()))
                .anyMatch(b -> b.contains("SAML signing certificate expires soon") && b.contains("Expires in 30 days"));
    }

    @Test
    void expiriesAndTheCalendarListTheCertificateAsItsOwnRow() throws Exception {
        registry.save(AlertsIT.rheintal(LocalDate.of(2026, 12, 3), "conv"));
        registry.saveSamlCertificate("c-rheintal", new SamlCertificate(THUMB, Instant.parse("2029-03-02T10:00:00Z")));

        bot.post(activities.message("expiries"));
        String json = lastActivity().path("attachments").path(0).path("content").toString();
        assertThat(json).contains("SCIM token and SAML certificate expiries (2)").contains("SAML signing certificate")
                .contains("02 Mar 2029").contains("in 5 days");
        assertThat(json.indexOf("03 Dec 2026")).isLessThan(json.indexOf("02 Mar 2029")); // soonest first

        Matcher link = Pattern.compile("\\(([^)]+\\.ics)\\)").matcher(json);
        assertThat(link.find()).isTrue();
        String ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ics).contains("DTSTART;VALUE=DATE:20290302\r\n").contains("DTSTART;VALUE=DATE:20261203\r\n")
                .contains("UID:saml-cert-c-rheintal-" + THUMB.toLowerCase() + "@scimpilot\r\n")
                .contains("SUMMARY:NinjaOne SAML signing certificate expires: Rheintal Logistik AG\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
    }

    private JsonNode lastActivity() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body();
    }
}
