package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminders and alerts through the bot, against the sandbox over real HTTP, on a clock the test moves: every
 * threshold, the day of expiry and the days after; nothing twice; the Rheintal tenant (quarantined, token
 * expiring in ~5 days) gives a reminder and a quarantine alert in the `alerts here` channel; `expiries` and its
 * calendar download.
 */
@BotIntegrationTest
@Import(AlertsIT.Clocks.class)
@TestPropertySource(properties = {"scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD, "scimpilot.reminders.startup-delay=PT10H",
        "scimpilot.reminders.watchdog-interval=PT10H", "scimpilot.reminders.daily-at=03:17"})
class AlertsIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Instant START = Instant.parse("2026-11-28T08:00:00Z");
    static final String CHANNEL = "19:ops@thread.tacv2";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired MutableClock clock;
    @Autowired ExpiryReminders reminders;
    @Autowired ProvisioningWatchdog watchdog;
    @Autowired JdbcClient jdbc;
    BotEndpoint bot;
    TeamsActivities activities;

    @BeforeEach
    void setUp() {
        clock.set(START);
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
    void onlyApproversChooseWhereAlertsGo() {
        bot.post(activities.channelMention("alerts here"));
        assertThat(lastText()).contains("Only approvers");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_channel").query(Integer.class).single()).isZero();

        bot.post(approver(activities.channelMention("alerts here")));
        awaitRoundAfterAlertsHere(jdbc);
        assertThat(lastText()).contains("now go to this channel");
        bot.post(activities.message("alerts"));
        assertThat(lastText()).contains("by Bruno Approver").contains("(not this one)").contains("03:17");
    }

    @Test
    void everyThresholdTheDayOfExpiryAndEveryDayAfterOnceEach() {
        LocalDate expiry = LocalDate.of(2027, 1, 10);
        registry.save(rheintal(expiry, "a:1personal-chat-anna"));
        bot.post(activities.message("help")); // the bot has been in Anna's chat: it can post there later
        teams.reset();

        List<Integer> remindedAt = new ArrayList<>();
        for (int daysLeft = 45; daysLeft >= -3; daysLeft--) {
            clock.set(expiry.minusDays(daysLeft).atTime(8, 0).toInstant(ZoneOffset.UTC));
            int before = teams.calls().size();
            reminders.scan();
            reminders.scan(); // a second scan the same day (another replica, a restart) posts nothing
            int posted = teams.calls().size() - before;
            assertThat(posted).as("reminders at %d days left", daysLeft).isLessThanOrEqualTo(1);
            if (posted == 1) {
                remindedAt.add(daysLeft);
                JsonNode card = lastActivity().path("attachments").path(0).path("content");
                assertThat(card.toString()).contains("Rheintal Logistik AG").contains("token.rotate").contains("Rotate now");
                boolean mentions = card.path("msteams").path("entities").size() > 0;
                assertThat(mentions).as("approvers mentioned at %d days left", daysLeft).isEqualTo(daysLeft <= 3);
                if (mentions) {
                    assertThat(card.path("msteams").path("entities").path(0).path("mentioned").path("id").asText())
                            .isEqualTo(TeamsActivities.APPROVER_AAD);
                    String mention = card.path("msteams").path("entities").path(0).path("text").asText();
                    assertThat(mention).matches("<at>.+</at>");
                    assertThat(card.path("body").toString()).contains(mention); // Teams needs the same text in the card
                }
            }
        }
        assertThat(remindedAt).containsExactly(30, 14, 7, 3, 1, 0, -1, -2, -3);
    }

    @Test
    void aMissedDayStillGetsItsThresholdAndARotationStartsOver() {
        LocalDate expiry = LocalDate.of(2027, 1, 10);
        registry.save(rheintal(expiry, "a:1personal-chat-anna"));
        bot.post(activities.message("help"));
        teams.reset();

        clock.set(expiry.minusDays(12).atStartOfDay().toInstant(ZoneOffset.UTC)); // the bot was down on day 14
        assertThat(reminders.scan()).isEqualTo(1);
        assertThat(lastActivity().toString()).contains("Expires in 12 days");
        assertThat(reminders.scan()).isZero();

        // rotated: a new expiry, so the new token's thresholds are fresh
        registry.save(rheintal(expiry.plusMonths(6), "a:1personal-chat-anna"));
        clock.set(expiry.plusMonths(6).minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(reminders.scan()).isEqualTo(1);
    }

    @Test
    void rheintalGivesAReminderAndAQuarantineAlertInTheAlertsChannel() {
        bot.post(approver(activities.channelMention("alerts here")));
        awaitRoundAfterAlertsHere(jdbc);
        teams.reset();
        LocalDate expiry = START.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(5);
        registry.save(rheintal(expiry, "a:1personal-chat-anna"));

        assertThat(reminders.scan()).isEqualTo(1);
        assertThat(watchdog.checkAll()).isEqualTo(1);
        assertThat(watchdog.checkAll()).isZero(); // once per incident

        List<FakeTeams.ConnectorCall> calls = teams.calls();
        assertThat(calls).hasSize(2).allSatisfy(c -> assertThat(c.path()).startsWith("/v3/conversations/" + CHANNEL + "/activities"));
        String reminder = calls.get(0).body().toString();
        assertThat(reminder).contains("SCIM token expires soon: Rheintal Logistik AG").contains("Expires in 5 days")
                .contains("Quarantine (EncounteredQuarantineException)");
        String alert = calls.get(1).body().toString();
        assertThat(alert).contains("Provisioning job in quarantine: Rheintal Logistik AG").contains("invalid credentials")
                .contains("check token expiry date in NinjaOne SCIM settings").contains("rotate token Rheintal Logistik AG");
    }

    @Test
    void remindersThatHadNowhereToGoArePostedRightAfterAlertsHere() {
        registry.save(rheintal(START.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(5), null)); // no onboarding conversation
        assertThat(reminders.scan()).isZero();
        assertThat(teams.calls()).isEmpty();

        bot.post(approver(activities.channelMention("alerts here")));
        awaitRoundAfterAlertsHere(jdbc);

        assertThat(teams.calls()).anySatisfy(c -> {
            assertThat(c.path()).startsWith("/v3/conversations/" + CHANNEL + "/activities");
            assertThat(c.body().toString()).contains("SCIM token expires soon: Rheintal Logistik AG");
        });
        assertThat(teams.calls()).anySatisfy(c -> assertThat(c.body().toString()).contains("Provisioning job in quarantine"));
    }

    @Test
    void anUnreachableTenantIsOneIncidentThatClearsWhenItAnswers() {
        bot.post(activities.message("help"));
        teams.reset();
        Client lost = rheintal(LocalDate.of(2027, 6, 1), "a:1personal-chat-anna");
        registry.save(withTenant(lost, "00000000-0000-4000-8000-00000000dead"));

        assertThat(watchdog.checkAll()).isEqualTo(1);
        assertThat(watchdog.checkAll()).isZero();
        assertThat(lastActivity().toString()).contains("Cannot reach the client tenant").contains("consent link");

        registry.save(lost); // consent given again: the tenant answers, and shows its quarantine
        assertThat(watchdog.checkAll()).isEqualTo(2);
        List<String> texts = teams.calls().stream().map(c -> c.body().toString()).toList();
        assertThat(texts).anyMatch(t -> t.contains("Resolved: cannot reach the client tenant"));
        assertThat(texts).anyMatch(t -> t.contains("Provisioning job in quarantine"));
    }

    @Test
    void whenEveryTenantFailsAtOnceOneMessageSaysSo() {
        bot.post(approver(activities.channelMention("alerts here")));
        awaitRoundAfterAlertsHere(jdbc);
        teams.reset();
        for (int i = 0; i < 3; i++) {
            Client c = client("c-" + i, "Client " + i + " AG", "client-" + i + ".ch", LocalDate.of(2027, 6, 1));
            registry.save(copy(c, "00000000-0000-4000-8000-00000000dea" + i)); // tenants that do not answer
        }
        assertThat(watchdog.checkAll()).isEqualTo(1);
        assertThat(teams.calls()).hasSize(1);
        assertThat(lastActivity().toString()).contains("Cannot reach 3 client tenants").contains("Client 0 AG")
                .contains("Client 2 AG").contains("secret or certificate expired");
        assertThat(watchdog.checkAll()).isZero();
    }

    @Test
    void expiriesListsByDaysLeftWithACalendarLink() throws Exception {
        registry.save(client("c-far", "Brennwald + Heilig AG", "brennwald-heilig.ch", LocalDate.of(2027, 4, 1)));
        registry.save(client("c-near", "Rheintal Logistik AG", "rheintal-logistik.ch", LocalDate.of(2026, 12, 3)));

        bot.post(activities.message("expiries"));
        JsonNode card = lastActivity().path("attachments").path(0).path("content");
        String json = card.toString();
        assertThat(json).contains("SCIM token expiries (2)").contains("in 5 days");
        assertThat(json.indexOf("Rheintal")).isLessThan(json.indexOf("Brennwald"));
        Matcher link = Pattern.compile("\\(([^)]+\\.ics)\\)").matcher(json);
        assertThat(link.find()).as("a markdown link to the calendar").isTrue();
        String url = link.group(1);
        assertThat(url).matches("http://localhost:" + port + "/downloads/[A-Za-z0-9_-]{43}/scim-token-expiries\\.ics");

        HttpResponse<String> ics = get(url);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String body = ics.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(body).contains("DTSTART;VALUE=DATE:20261203\r\n").contains("TRIGGER:-P14D\r\n")
                .contains("UID:scim-token-c-near-20261203@scimpilot\r\n");
        assertThat(countOf(body, "BEGIN:VEVENT")).isEqualTo(2);
        assertThat(body).doesNotContain("https://").doesNotContain("scim-rheintal"); // no URLs, no vault names

        assertThat(get(url.replace("/downloads/", "/downloads/x")).statusCode()).isEqualTo(404);
        clock.set(START.plus(Duration.ofDays(8)));
        assertThat(get(url).statusCode()).as("links expire").isEqualTo(404);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** `alerts here` asks for a round at once; let it finish so the test's own rounds are the only ones. */
    static void awaitRoundAfterAlertsHere(JdbcClient jdbc) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'after-alerts-here'").query(Integer.class).single() > 0) {
            assertThat(Instant.now()).as("the round after alerts here finished").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode approver(com.fasterxml.jackson.databind.node.ObjectNode a) {
        a.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver").put("aadObjectId", TeamsActivities.APPROVER_AAD);
        return a;
    }

    static Client rheintal(LocalDate expiry, String conversationId) {
        Instant expires = expiry.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new Client("c-rheintal", DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_ORG_ID, DemoData.RHEINTAL_COMPANY,
                DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID, List.of(), "All", "NinjaOne-EndUsers",
                DemoData.RHEINTAL_GROUP_ID, "NinjaOne SCIM", DemoData.RHEINTAL_APP_OBJECT_ID, DemoData.RHEINTAL_APP_ID,
                DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, "https://eu.ninjarmm.com/scim", "scim-rheintal", "v1",
                expires.minus(Duration.ofDays(182)), expires, conversationId, "Lena Meier", expires.minus(Duration.ofDays(182)),
                null, expires.minus(Duration.ofDays(182)));
    }

    private static Client client(String id, String name, String domain, LocalDate expiry) {
        Client r = rheintal(expiry, "conv");
        return new Client(id, name, 7, name, domain, r.tenantId(), List.of(), "All", null, null, null, null, null, null, null,
                null, "scim-" + domain, "v1", null, r.scimTokenExpiresAt(), "conv", "Anna", START, null, START);
    }

    private static Client copy(Client c, String tenantId) {
        Client r = rheintal(LocalDate.of(2027, 6, 1), "conv");
        return new Client(c.id(), c.name(), c.ninjaOrgId(), c.ninjaOrgName(), c.emailDomain(), tenantId, List.of(), "All", null,
                null, null, null, null, r.servicePrincipalId(), r.jobId(), null, c.scimTokenName(), "v1", null,
                c.scimTokenExpiresAt(), "conv", "Anna", START, null, START);
    }

    private static Client withTenant(Client c, String tenantId) {
        return new Client(c.id(), c.name(), c.ninjaOrgId(), c.ninjaOrgName(), c.emailDomain(), tenantId, c.switchKeys(), c.fallback(),
                c.groupName(), c.groupId(), c.appName(), c.appObjectId(), c.appId(), c.servicePrincipalId(), c.jobId(), c.scimUrl(),
                c.scimTokenName(), c.scimTokenVersion(), c.scimTokenIssuedAt(), c.scimTokenExpiresAt(), c.conversationId(),
                c.onboardedBy(), c.onboardedAt(), c.lastRunId(), c.updatedAt());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int countOf(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private JsonNode lastActivity() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body();
    }

    private String lastText() {
        return lastActivity().path("text").asText();
    }
}
