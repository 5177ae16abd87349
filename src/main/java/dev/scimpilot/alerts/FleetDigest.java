package dev.scimpilot.alerts;

import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.health.ClientHealth;
import dev.scimpilot.health.FleetCheck;
import dev.scimpilot.health.HealthProperties;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The optional daily fleet digest ({@code scimpilot.health.daily-digest}): with the daily expiry scan, a
 * {@code check provisioning all} whose fleet card goes to the alerts channel. Once per day (in the reminders' time
 * zone) across replicas: the day's {@code fleet_digest} row is claimed before checking, like the expiry reminders'
 * claims, and given back if the post fails. Only the channel chosen with {@code alerts here}: the fleet card is about
 * every client, so no single client's onboarding conversation is the right place for it.
 */
@Service
public class FleetDigest {

    private static final Logger log = LoggerFactory.getLogger(FleetDigest.class);

    private final HealthProperties health;
    private final AlertProperties alerts;
    private final ClientRegistry registry;
    private final FleetCheck fleet;
    private final AlertChannel channel;
    private final ProactiveMessenger messenger;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    FleetDigest(HealthProperties health, AlertProperties alerts, ClientRegistry registry, FleetCheck fleet, AlertChannel channel,
            ProactiveMessenger messenger, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.health = health;
        this.alerts = alerts;
        this.registry = registry;
        this.fleet = fleet;
        this.channel = channel;
        this.messenger = messenger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the fleet and posts its card if the digest is on and today's has not gone out; true if this replica posted. */
    public boolean postIfDue() {
        if (!health.dailyDigest()) {
            return false;
        }
        Optional<String> destination = channel.current().map(AlertChannel.Setting::conversationId);
        if (destination.isEmpty()) {
            log.warn("daily fleet digest is on but no alerts channel is set: use `alerts here`");
            return false;
        }
        List<Client> clients = registry.all();
        if (clients.isEmpty()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock.withZone(alerts.timeZone()));
        if (!claim(today)) {
            return false; // another replica (or an earlier run today) posted it
        }
        try {
            List<ClientHealth> all = fleet.all(clients);
            messenger.send(destination.get(), Reply.card("fleet-health", FleetCheck.fleetCard(all, clock.instant()))).join();
            long red = all.stream().filter(h -> h.severity() == 0).count();
            audit.record(null, "SCIM Pilot", "digest.fleet", null, null, all.size() + " clients checked, " + red + " need action");
            return true;
        } catch (RuntimeException e) {
            release(today);
            throw e;
        }
    }

    private boolean claim(LocalDate day) {
        try {
            return jdbc.sql("INSERT INTO fleet_digest (digest_day, sent_at) VALUES (?, ?)")
                    .params(Date.valueOf(day), Timestamp.from(clock.instant())).update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    private void release(LocalDate day) {
        jdbc.sql("DELETE FROM fleet_digest WHERE digest_day = ?").params(Date.valueOf(day)).update();
    }
}
