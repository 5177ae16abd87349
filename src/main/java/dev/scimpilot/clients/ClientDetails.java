package dev.scimpilot.clients;

import dev.scimpilot.cards.ClientDetailCard;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.Runbooks;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The client-detail card of {@code client ‹name›} and of the registry rows' {@code client.show}: the registry entry,
 * the last check, the SAML certificate, and the client's {@link ClientDetailCard#LAST_RUNS} most recent runs.
 */
@Component
class ClientDetails {

    private final ClientRegistry registry;
    private final LastChecks checks;
    private final RunRepository runs;
    private final Runbooks runbooks;
    private final Clock clock;

    ClientDetails(ClientRegistry registry, LastChecks checks, RunRepository runs, Runbooks runbooks, Clock clock) {
        this.registry = registry;
        this.checks = checks;
        this.runs = runs;
        this.runbooks = runbooks;
        this.clock = clock;
    }

    ClientDetailCard card(Client c) {
        return ClientCommand.detail(c, checks, registry.samlCertificate(c.id()), lastRuns(c), clock);
    }

    /** Newest first; runs are recorded under the client's name (runbooks name their client, not its registry id). */
    List<ClientDetailCard.LastRun> lastRuns(Client c) {
        return runs.recentForClient(c.name(), ClientDetailCard.LAST_RUNS).stream()
                .map(r -> new ClientDetailCard.LastRun(r.shortId(), kind(r), r.status().label(), r.createdAt())).toList();
    }

    private String kind(Run r) {
        try {
            return runbooks.get(r.kind()).title();
        } catch (IllegalStateException unknown) {
            return r.kind(); // a run kind this version no longer has: its stored name is still better than nothing
        }
    }
}
