package dev.scimpilot.health;

import dev.scimpilot.cards.ErrorCard;
import dev.scimpilot.chat.BackgroundWork;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.runs.Failures;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs checks off the request thread ({@link BackgroundWork}) and posts their cards to the conversation. */
@Component
class HealthChecks {

    private final FleetCheck fleet;
    private final BackgroundWork background;
    private final ProactiveMessenger messenger;
    private final Clock clock;

    HealthChecks(FleetCheck fleet, BackgroundWork background, ProactiveMessenger messenger, Clock clock) {
        this.fleet = fleet;
        this.background = background;
        this.messenger = messenger;
        this.clock = clock;
    }

    void client(Client c, String conversationId) {
        background.submit("health check of " + c.name(), () -> {
            ClientHealth h = fleet.one(c);
            messenger.send(conversationId, Reply.card("health-report", FleetCheck.card(h, c))).join();
        }, e -> failed(conversationId, c.name(), e));
    }

    void fleet(List<Client> clients, String conversationId) {
        background.submit("fleet health check", () -> {
            List<ClientHealth> all = fleet.all(clients);
            messenger.send(conversationId, Reply.card("fleet-health", FleetCheck.fleetCard(all, clock.instant()))).join();
        }, e -> failed(conversationId, "the fleet", e));
    }

    private void failed(String conversationId, String what, RuntimeException e) {
        messenger.send(conversationId, Reply.card("error", new ErrorCard("Health check failed", "I could not finish checking "
                + what + ": " + Failures.describe(e), "Nothing was changed. Try again in a few minutes.", ""))).join();
    }
}
