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
    void emptyRegistrySaysHowToFillIt() {
        bot.post(activities.message("clients"));
        assertThat(lastText()).contains("The registry is empty");
    }

    @Test
    void listShowsTheRunbookColumnsSoonestExpiryFirst() {
        registry.save(client("c-1", "Brennwald + Heilig AG", "brennwald-heilig.ch", 12, 150));
        registry.save(client("c-2", "Rheintal Logistik AG", "rheintal-logistik.ch", 21, 5));

        bot.post(activities.message("clients"));

        String card = lastCard();
        assertThat(card).contains("Clients (2)").contains("brennwald-heilig.ch").contains("21");
        assertThat(card.indexOf("Rheintal Logistik AG")).isLessThan(card.indexOf("Brennwald + Heilig AG"));
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

    private String lastText() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("text").asText();
    }

    private String lastCard() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("attachments").path(0).path("content").toString();
    }
}
