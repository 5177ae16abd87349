package dev.scimpilot.clients;

import static dev.scimpilot.persistence.Timestamps.instant;
import static dev.scimpilot.persistence.Timestamps.ts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last provisioning health check of each client (written by {@code check provisioning}), so the registry can show
 * a status without checking again.
 */
@Repository
public class LastChecks {

    /** {@code overall}: healthy, warning, unhealthy or unreachable; {@code issue}: the worst finding in a few words. */
    public record LastCheck(String clientId, Instant checkedAt, String overall, String issue) {

        /** One line for cards: "✖ unhealthy: Provisioning job: Quarantine … (checked 27 Nov 2026 14:02 UTC)". */
        public String line() {
            String mark = switch (overall) {
                case "healthy" -> "✔";
                case "warning" -> "⚠";
                default -> "✖";
            };
            return mark + " " + overall + (overall.equals("healthy") ? "" : ": " + issue) + " (checked "
                    + java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'UTC'", java.util.Locale.ENGLISH)
                            .format(checkedAt.atOffset(java.time.ZoneOffset.UTC)) + ")";
        }
    }

    private final JdbcClient jdbc;

    public LastChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(LastCheck check) {
        String issue = check.issue().length() > 400 ? check.issue().substring(0, 399) + "…" : check.issue();
        int updated = jdbc.sql("UPDATE health_check SET checked_at = ?, overall = ?, issue = ? WHERE client_id = ?")
                .params(ts(check.checkedAt()), check.overall(), issue, check.clientId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO health_check (client_id, checked_at, overall, issue) VALUES (?, ?, ?, ?)")
                    .params(check.clientId(), ts(check.checkedAt()), check.overall(), issue).update();
        }
    }

    public Optional<LastCheck> of(String clientId) {
        return jdbc.sql("SELECT * FROM health_check WHERE client_id = ?").param(clientId)
                .query((rs, n) -> new LastCheck(rs.getString("client_id"), instant(rs, "checked_at"), rs.getString("overall"),
                        rs.getString("issue"))).optional();
    }

    /** The overall result of each client's last check, by client id (what the client list shows). */
    public Map<String, String> overallByClient() {
        return jdbc.sql("SELECT client_id, overall FROM health_check")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Map<String, LastCheck> all() {
        return jdbc.sql("SELECT * FROM health_check").query((rs, n) -> new LastCheck(rs.getString("client_id"),
                instant(rs, "checked_at"), rs.getString("overall"), rs.getString("issue"))).list().stream()
                .collect(Collectors.toMap(LastCheck::clientId, c -> c));
    }
}
