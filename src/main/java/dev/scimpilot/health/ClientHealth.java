package dev.scimpilot.health;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking one client.
 *
 * @param overall {@code healthy}, {@code warning}, {@code unhealthy}, or {@code unreachable} (the tenant did not answer)
 */
public record ClientHealth(String clientId, String clientName, Instant checkedAt, String overall, int tokenDaysLeft,
        List<Finding> findings) {

    public static ClientHealth of(String clientId, String clientName, Instant checkedAt, int tokenDaysLeft,
            List<Finding> findings, boolean reachable) {
        String overall = !reachable ? "unreachable"
                : findings.stream().anyMatch(Finding::failed) ? "unhealthy"
                : findings.stream().anyMatch(f -> f.status().equals("warn")) ? "warning" : "healthy";
        return new ClientHealth(clientId, clientName, checkedAt, overall, tokenDaysLeft, List.copyOf(findings));
    }

    /** The worst finding in a few words, for the fleet card and the registry ("Provisioning job: Quarantine …"). */
    public String issue() {
        return findings.stream().filter(Finding::failed).findFirst()
                .or(() -> findings.stream().filter(f -> f.status().equals("warn")).findFirst())
                .map(f -> shorten(f.name() + ": " + f.detail(), 140)).orElse("provisioning normally");
    }

    /** Red (unhealthy, unreachable) first, then warnings, then healthy. */
    public int severity() {
        return switch (overall) {
            case "unhealthy", "unreachable" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
