package dev.scimpilot.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry commands: the list soonest expiry first, one client by a forgiving name, unique names. */
@BotIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "scimpilot.access.technicians=" + dev.scimpilot.testing.TeamsActivities.TECHNICIAN_AAD)
class ClientsIT {

    static final FakeTeams teams = FakeTeams.start();

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired LastChecks checks;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    BotEndpoint bot;
    TeamsActivities activities;

    @BeforeEach
    void setUp() {
        teams.reset();
        bot = new BotEndpoint(port);
        activities = new TeamsActivities(teams.serviceUrl());
        registry.all().forEach(c -> registry.delete(c.id()));
        jdbc.sql("DELETE FROM run WHERE requester_id = 'aad-clients-it'").update();
        jdbc.sql("DELETE FROM health_check").update();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void emptyRegistrySaysHowToFillIt() {
        bot.post(activities.message("clients"));
        assertThat(lastText()).contains("The registry is empty");
    }

    @Test
    void listShowsTheRunbookColumnsSoonestExpiryFirst() {
        registry.save(client("c-1", "Brennwald + Heilig AG", "brennwald-heilig.ch", 12, 150));
        registry.save(client("c-2", "Rheintal Logistik AG", "rheintal-logistik.ch", 21, 5));
        checks.save(new LastChecks.LastCheck("c-2", Instant.now(), "warning", "token expires in 5 days"));

        bot.post(activities.message("clients"));

        String card = lastCard();
        assertThat(card).contains("Clients (2)").contains("brennwald-heilig.ch").contains("21");
        assertThat(card.indexOf("Rheintal Logistik AG")).isLessThan(card.indexOf("Brennwald + Heilig AG"));
        assertThat(card).as("last check of each").contains("⚠ warning").contains("not checked");
        String expires = java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy", java.util.Locale.ENGLISH)
                .format(Instant.now().plus(5, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.UTC));
        assertThat(card).as("Rheintal's expiry day").contains(expires);
    }

    @Test
    void oneClientByAForgivingName() {
        registry.save(client("c-1", "Brennwald + Heilig AG", "brennwald-heilig.ch", 12, 150));

        bot.post(activities.message("client brennwald"));
        assertThat(lastCard()).contains("Brennwald + Heilig AG").contains("7c1e5a9d-3b2f-4e8a-9d6c-1f0e2b3a4c5d");

        bot.post(activities.message("client Brennwald & Heilig AG"));
        assertThat(lastCard()).contains("Brennwald + Heilig AG");

        bot.post(activities.message("client nobody"));
        assertThat(lastText()).contains("No client matches `nobody`");
    }

    @Test
    void rowsOpenTheClientAndThePagerTurnsPages() {
        for (int i = 0; i < 25; i++) {
            registry.save(client("c-" + i, "Client " + (char) ('A' + i) + " AG", "client-" + i + ".ch", 100 + i, 10 + i));
        }

        bot.post(activities.execute("client.show", activities.data().put("clientId", "c-3"), "act-list"));
        assertThat(lastCard()).contains("Client D AG").contains("client-3.ch");

        var answer = bot.post(activities.execute("client.page", activities.data().put("page", 2), "act-list"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Page 2 of 2").contains("Client Y AG").doesNotContain("Client A AG");
    }

    @Test
    void theClientCardShowsItsThreeMostRecentRunsNewestFirst() {
        registry.save(client("c-1", "Brennwald + Heilig AG", "brennwald-heilig.ch", 12, 150));
        bot.post(activities.message("client brennwald"));
        assertThat(lastCard()).contains("Last runs").contains("No runs for this client yet.");

        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        run("aaaaaaaa-0000-4000-8000-000000000001", "onboard-client", "Brennwald + Heilig AG", "SUCCEEDED", t);
        run("bbbbbbbb-0000-4000-8000-000000000002", "rotate-token", "Brennwald + Heilig AG", "FAILED", t.plus(30, ChronoUnit.DAYS));
        run("cccccccc-0000-4000-8000-000000000003", "rotate-token", "brennwald + heilig ag", "SUCCEEDED", t.plus(31, ChronoUnit.DAYS));
        run("dddddddd-0000-4000-8000-000000000004", "rotate-token", "Brennwald + Heilig AG", "REJECTED",
                t.plus(60, ChronoUnit.DAYS));
        run("eeeeeeee-0000-4000-8000-000000000005", "rotate-token", "Rheintal Logistik AG", "SUCCEEDED", t.plus(90, ChronoUnit.DAYS));

        bot.post(activities.message("client brennwald"));
        String card = lastCard();
        assertThat(card).contains("Last runs").doesNotContain("No runs for this client yet.")
                .contains("dddddddd").contains("rejected").contains("cccccccc").contains("bbbbbbbb").contains("failed")
                .contains("Rotate token").contains("31 May 2026")
                .doesNotContain("aaaaaaaa") // the fourth most recent
                .doesNotContain("eeeeeeee"); // another client's
        assertThat(card.indexOf("dddddddd")).isLessThan(card.indexOf("cccccccc"));
        assertThat(card.indexOf("cccccccc")).isLessThan(card.indexOf("bbbbbbbb"));

        // the same card from a registry row
        bot.post(activities.execute("client.show", activities.data().put("clientId", "c-1"), "act-list"));
        assertThat(lastCard()).contains("dddddddd");
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndAmpersand() {
        registry.save(client("c-1", "Brennwald + Heilig AG", "brennwald-heilig.ch", 12, 150));
        registry.save(client("c-ignored", "brennwald & heilig ag", "brennwald-heilig.ch", 13, 100));

        assertThat(registry.all()).hasSize(1);
        assertThat(registry.all().get(0).ninjaOrgId()).isEqualTo(13);
        assertThat(registry.all().get(0).id()).isEqualTo("c-1");
    }

    private static Client client(String id, String name, String domain, long org, int daysLeft) {
        Instant now = Instant.now();
        return new Client(id, name, org, name, domain, "7c1e5a9d-3b2f-4e8a-9d6c-1f0e2b3a4c5d", List.of(), "All",
                "NinjaOne-EndUsers", "g-1", "NinjaOne", "a-1", "app-1", "sp-1", "scim.1", "https://eu.ninjarmm.com/scim",
                "scim-" + domain, "v1", now, now.plus(daysLeft, ChronoUnit.DAYS), "conv", "Anna", now, null, now);
    }

    private void run(String id, String kind, String clientName, String status, Instant at) {
        jdbc.sql("""
                INSERT INTO run (id, kind, client_name, parameters, facts, status, plan_version, conversation_id,
                    requester_id, requester_name, created_at, updated_at)
                VALUES (?, ?, ?, '{}', '{}', ?, 1, 'conv', 'aad-clients-it', 'Anna', ?, ?)""")
                .params(id, kind, clientName, status, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at)).update();
    }

    private String lastText() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("text").asText();
    }

    private String lastCard() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("attachments").path(0).path("content").toString();
    }
}
