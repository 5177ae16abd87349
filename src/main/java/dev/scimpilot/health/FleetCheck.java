package dev.scimpilot.health;

import dev.scimpilot.cards.FleetHealthCard;
import dev.scimpilot.cards.HealthReportCard;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.LastChecks;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.runs.Failures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Checks one client or many: at most {@code clientsAtOnce} clients in parallel (each request further bounded by the
 * {@link RequestLimiter}), one {@link SharedReads} per run, a client whose check fails outright shown as unreachable
 * rather than failing the others. Records every result as the client's last check.
 */
@Component
public class FleetCheck {

    private final HealthCheck check;
    private final NinjaOne ninja;
    private final RequestLimiter limiter;
    private final HealthProperties properties;
    private final LastChecks lastChecks;
    private final Clock clock;

    public FleetCheck(HealthCheck check, NinjaOne ninja, RequestLimiter limiter, HealthProperties properties,
            LastChecks lastChecks, Clock clock) {
        this.check = check;
        this.ninja = ninja;
        this.limiter = limiter;
        this.properties = properties;
        this.lastChecks = lastChecks;
        this.clock = clock;
    }

    public ClientHealth one(Client c) {
        return List.copyOf(all(List.of(c), 1)).get(0);
    }

    /** Every client, {@code clientsAtOnce} at a time; worst first (red, then fewest token days left). */
    public List<ClientHealth> all(List<Client> clients) {
        return all(clients, properties.clientsAtOnce());
    }

    /** With a given parallelism (1 = one client after the other, for the benchmark's comparison). */
    public List<ClientHealth> all(List<Client> clients, int clientsAtOnce) {
        SharedReads shared = new SharedReads(ninja, limiter);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(clientsAtOnce, clients.size())), r -> {
            Thread t = new Thread(r, "health-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ClientHealth>> futures = new ArrayList<>();
            for (Client c : clients) {
                futures.add(pool.submit(() -> safely(c, shared)));
            }
            List<ClientHealth> results = new ArrayList<>();
            for (Future<ClientHealth> f : futures) {
                results.add(f.get());
            }
            results.forEach(r -> lastChecks.save(new LastChecks.LastCheck(r.clientId(), r.checkedAt(), r.overall(), r.issue())));
            results.sort(Comparator.comparingInt(ClientHealth::severity).thenComparingInt(ClientHealth::tokenDaysLeft)
                    .thenComparing(ClientHealth::clientName, String.CASE_INSENSITIVE_ORDER));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fleet check was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientHealth safely(Client c, SharedReads shared) {
        try {
            return check.check(c, shared);
        } catch (RuntimeException e) {
            return ClientHealth.of(c.id(), c.name(), clock.instant(), c.tokenDaysLeft(clock), List.of(Finding.fail(
                    "Check failed", Failures.describe(e), "", "")), false);
        }
    }

    static HealthReportCard card(ClientHealth h, Client c) {
        boolean rotate = h.findings().stream().anyMatch(f -> f.action().equals(Finding.ROTATE) && !f.status().equals("pass"));
        boolean repair = h.findings().stream().anyMatch(f -> f.action().equals(Finding.REPAIR) && !f.status().equals("pass"));
        return new HealthReportCard(c.id(), c.name(), h.checkedAt(), h.overall(), c.tokenExpiresOn() == null
                ? java.time.LocalDate.EPOCH : c.tokenExpiresOn(), h.tokenDaysLeft(), rotate, repair,
                h.findings().stream().map(f -> new HealthReportCard.Check(f.name(), f.status(), f.detail(), f.cause(),
                        f.status().equals("pass") ? "" : f.action())).toList());
    }

    /** The fleet card of a check of every client (also the daily digest's). */
    public static FleetHealthCard fleetCard(List<ClientHealth> all, java.time.Instant at) {
        return FleetHealthCard.summarise(at, all.stream().map(h -> new FleetHealthCard.Row(h.clientId(), h.clientName(),
                h.overall(), h.tokenDaysLeft(), h.overall().equals("unreachable") ? "Tenant unreachable: " + h.issue()
                        : h.issue())).toList());
    }
}
