package dev.scimpilot.cards;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Data of {@code cards/fleet-health.json}: provisioning health of every client, summarised so that 500 clients
 * still fit in one Teams message: counts, then only the clients that need attention (worst first, at most
 * {@link #MAX_ROWS}). Each row emits {@code health.check} with its client id.
 */
public record FleetHealthCard(
        Instant checkedAt,
        int total,
        int healthy,
        int warning,
        int unhealthy,
        int notShown,
        List<Row> attention) {

    /** Rows listed at most; the rest are counted in {@code notShown}. */
    public static final int MAX_ROWS = 15;

    /**
     * One client; {@code status} is {@code healthy}, {@code warning}, {@code unhealthy} or {@code unreachable} (shown
     * red, with the reason in {@code issue}).
     */
    public record Row(String clientId, String clientName, String status, int tokenDaysLeft, String issue) {}

    /**
     * Summarises a whole fleet: counts for everyone, rows for the worst {@link #MAX_ROWS} that need attention: red
     * (unhealthy or unreachable) first, then warnings, each by fewest token days left.
     */
    public static FleetHealthCard summarise(Instant checkedAt, List<Row> all) {
        int healthy = (int) all.stream().filter(r -> r.status().equals("healthy")).count();
        int unhealthy = (int) all.stream().filter(r -> r.status().equals("unhealthy") || r.status().equals("unreachable")).count();
        List<Row> needAttention = all.stream()
                .filter(r -> !r.status().equals("healthy"))
                .sorted(Comparator.comparing((Row r) -> r.status().equals("warning") ? 1 : 0)
                        .thenComparingInt(Row::tokenDaysLeft)
                        .thenComparing(Row::clientName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Row> shown = needAttention.stream().limit(MAX_ROWS).toList();
        return new FleetHealthCard(checkedAt, all.size(), healthy, all.size() - healthy - unhealthy, unhealthy,
                needAttention.size() - shown.size(), shown);
    }
}
