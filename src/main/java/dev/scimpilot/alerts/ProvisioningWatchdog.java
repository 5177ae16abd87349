package dev.scimpilot.alerts;

import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks at every client's provisioning job and alerts once per incident (quarantine, stopped or missing job,
 * no successful cycle for too long, tenant unreachable) and once when it clears. Open incidents are rows:
 * opening is an insert and clearing a delete, so with several replicas exactly one of them posts each.
 */
@Service
public class ProvisioningWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWatchdog.class);

    private final ClientRegistry registry;
    private final ProvisioningJobReader jobs;
    private final AlertChannel channel;
    private final ProactiveMessenger messenger;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AlertProperties properties;
    private final Clock clock;

    ProvisioningWatchdog(ClientRegistry registry, ProvisioningJobReader jobs, AlertChannel channel, ProactiveMessenger messenger,
            JdbcClient jdbc, AuditLog audit, AlertProperties properties, Clock clock) {
        this.registry = registry;
        this.jobs = jobs;
        this.channel = channel;
        this.messenger = messenger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A "cannot reach" incident claimed in this round, posted at the end together with the others for its conversation. */
    private record Unreachable(Client client, String detail, JobHealth health, String destination) {}

    /**
     * Checks every client; returns how many alerts (opened or cleared) this replica posted. Tenants that cannot be
     * reached are announced together per conversation: when the Graph app itself is broken (secret expired), every
     * client is unreachable at once, and one message says so instead of one per client.
     */
    public int checkAll() {
        int posted = 0;
        List<Unreachable> unreachable = new java.util.ArrayList<>();
        for (Client client : registry.all()) {
            try {
                posted += check(client, unreachable);
            } catch (RuntimeException e) {
                log.warn("provisioning watchdog for client=\"{}\" failed: {}", client.name(), e.toString());
            }
        }
        Map<String, List<Unreachable>> byConversation = unreachable.stream()
                .collect(Collectors.groupingBy(Unreachable::destination, java.util.LinkedHashMap::new, Collectors.toList()));
        for (List<Unreachable> group : byConversation.values()) {
            try {
                posted += announceUnreachable(group) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("could not post the cannot-reach alert for {} client(s): {}", group.size(), e.toString());
            }
        }
        return posted;
    }

    int check(Client client) {
        List<Unreachable> unreachable = new java.util.ArrayList<>();
        int posted = check(client, unreachable);
        for (Unreachable u : unreachable) {
            posted += announceUnreachable(List.of(u)) ? 1 : 0;
        }
        return posted;
    }

    private int check(Client client, List<Unreachable> unreachable) {
        JobHealth health = jobs.read(client);
        Map<Incident, String> now = Incident.of(health, clock.instant(), properties.noSyncAfter());
        Set<Incident> open = open(client.id());
        int posted = 0;
        for (Map.Entry<Incident, String> incident : now.entrySet()) {
            if (open.contains(incident.getKey())) {
                continue;
            }
            if (incident.getKey() == Incident.UNREACHABLE) {
                var destination = channel.destinationFor(client);
                if (destination.isPresent() && claim(client, Incident.UNREACHABLE, incident.getValue())) {
                    unreachable.add(new Unreachable(client, incident.getValue(), health, destination.get()));
                }
            } else {
                posted += opened(client, incident.getKey(), incident.getValue(), health) ? 1 : 0;
            }
        }
        for (Incident incident : open) {
            // unreachable says nothing about the job: keep its incidents open until the tenant answers again
            boolean known = health.reachable() || incident == Incident.UNREACHABLE;
            if (known && !now.containsKey(incident)) {
                posted += cleared(client, incident, health) ? 1 : 0;
            }
        }
        return posted;
    }

    private boolean announceUnreachable(List<Unreachable> group) {
        Unreachable first = group.get(0);
        NoticeCard card;
        if (group.size() == 1) {
            card = card(first.client(), Incident.UNREACHABLE, first.detail(), first.health());
        } else {
            card = new NoticeCard("⚠️ Cannot reach " + group.size() + " client tenants",
                    "I could not read the provisioning jobs of these clients. When every tenant fails at once, the cause is "
                            + "usually on our side: the Graph app's client secret or certificate expired, or the network.",
                    group.stream().map(u -> new NoticeCard.Fact(u.client().name(), u.detail())).toList(),
                    "I will say here when each of them answers again.");
        }
        try {
            messenger.send(first.destination(), Reply.card("notice", card)).join();
        } catch (RuntimeException e) {
            group.forEach(u -> release(u.client(), Incident.UNREACHABLE));
            throw e;
        }
        group.forEach(u -> audit.record(null, "SCIM Pilot", "alert.opened", null, u.client().name(), "UNREACHABLE: " + u.detail()));
        return true;
    }

    private boolean opened(Client client, Incident incident, String detail, JobHealth health) {
        var destination = channel.destinationFor(client);
        if (destination.isEmpty()) {
            log.warn("no conversation for the {} alert of client=\"{}\": use `alerts here`", incident, client.name());
            return false;
        }
        if (!claim(client, incident, detail)) {
            return false; // another replica has it
        }
        try {
            messenger.send(destination.get(), Reply.card("notice", card(client, incident, detail, health))).join();
        } catch (RuntimeException e) {
            release(client, incident);
            throw e;
        }
        audit.record(null, "SCIM Pilot", "alert.opened", null, client.name(), incident.name() + ": " + detail);
        return true;
    }

    private NoticeCard card(Client client, Incident incident, String detail, JobHealth health) {
        return new NoticeCard("⚠️ " + incident.title + ": " + client.name(),
                sentence(detail),
                List.of(new NoticeCard.Fact("Client", client.name()), new NoticeCard.Fact("Provisioning", health.summary()),
                        new NoticeCard.Fact("Token expires", client.tokenExpiresOn() == null ? "unknown" : client.tokenExpiresOn().toString())),
                "Likely cause: " + incident.likelyCause(health, client, clock) + " I will say here when it clears.");
    }

    private boolean claim(Client client, Incident incident, String detail) {
        try {
            return jdbc.sql("INSERT INTO provisioning_incident (client_id, kind, detail, opened_at) VALUES (?, ?, ?, ?)")
                    .params(client.id(), incident.name(), clip(detail), Timestamp.from(clock.instant())).update() == 1;
        } catch (DuplicateKeyException anotherReplica) {
            return false;
        }
    }

    private void release(Client client, Incident incident) {
        jdbc.sql("DELETE FROM provisioning_incident WHERE client_id = ? AND kind = ?").params(client.id(), incident.name()).update();
    }

    private boolean cleared(Client client, Incident incident, JobHealth health) {
        var destination = channel.destinationFor(client);
        if (destination.isEmpty()) {
            return false;
        }
        String detail = jdbc.sql("SELECT detail FROM provisioning_incident WHERE client_id = ? AND kind = ?")
                .params(client.id(), incident.name()).query(String.class).optional().orElse("");
        if (jdbc.sql("DELETE FROM provisioning_incident WHERE client_id = ? AND kind = ?").params(client.id(), incident.name()).update() != 1) {
            return false; // another replica cleared it
        }
        try {
            messenger.send(destination.get(), Reply.text("✅ **Resolved: " + incident.title.toLowerCase(java.util.Locale.ROOT)
                    + "** for **" + client.name() + "**. Provisioning now: " + health.summary() + ".")).join();
        } catch (RuntimeException e) {
            // put it back so the next round says it again
            jdbc.sql("INSERT INTO provisioning_incident (client_id, kind, detail, opened_at) VALUES (?, ?, ?, ?)")
                    .params(client.id(), incident.name(), clip(detail), Timestamp.from(clock.instant())).update();
            throw e;
        }
        audit.record(null, "SCIM Pilot", "alert.cleared", null, client.name(), incident.name());
        return true;
    }

    Set<Incident> open(String clientId) {
        return jdbc.sql("SELECT kind FROM provisioning_incident WHERE client_id = ?").param(clientId).query(String.class).list()
                .stream().map(Incident::valueOf).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Incident.class)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1900 ? s : s.substring(0, 1900) + "…";
    }

    /** Capitalised and ending in one full stop (Entra's own messages often end in one already). */
    private static String sentence(String s) {
        String text = capitalise(s == null ? "" : s.strip());
        return text.endsWith(".") ? text : text + ".";
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
