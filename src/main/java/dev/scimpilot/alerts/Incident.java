package dev.scimpilot.alerts;

import dev.scimpilot.clients.Client;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of provisioning incident the watchdog alerts on, what each looks like in a job's status, and the
 * likely cause from the runbook's troubleshooting table (plus what Entra does that the runbook does not say).
 */
enum Incident {
    QUARANTINE("Provisioning job in quarantine"),
    DISABLED("Provisioning job stopped or missing"),
    NO_SYNC("No successful provisioning cycle"),
    UNREACHABLE("Cannot reach the client tenant");

    final String title;

    Incident(String title) {
        this.title = title;
    }

    /**
     * The incidents {@code health} shows, each with its detail. An unreachable tenant shows only
     * {@link #UNREACHABLE}: nothing is known about the others, so they are neither opened nor cleared.
     */
    static Map<Incident, String> of(JobHealth health, Instant now, Duration noSyncAfter) {
        Map<Incident, String> found = new LinkedHashMap<>();
        if (!health.reachable()) {
            found.put(UNREACHABLE, health.detail());
            return found;
        }
        switch (health.state()) {
            case "Quarantine" -> found.put(QUARANTINE, "reason " + (health.quarantineReason() == null ? "unknown" : health.quarantineReason())
                    + (health.errorMessage() == null ? "" : ": " + health.errorMessage()));
            case JobHealth.MISSING -> found.put(DISABLED, health.detail());
            case "Paused" -> found.put(DISABLED, "the job is paused (provisioning stopped in Entra)");
            case "NotConfigured" -> found.put(DISABLED, "the job is not configured (no credentials saved or never started)");
            default -> {
                if (!health.scheduleEnabled()) {
                    found.put(DISABLED, "the job's schedule is off (provisioning stopped in Entra)");
                } else if (health.lastSuccessfulCycle() != null
                        && health.lastSuccessfulCycle().isBefore(now.minus(noSyncAfter))) {
                    found.put(NO_SYNC, "last successful cycle " + health.lastSuccessfulCycle() + ", more than "
                            + human(noSyncAfter) + " ago");
                }
            }
        }
        return found;
    }

    /** The likely cause and what to do, in the runbook's words where it has them. */
    String likelyCause(JobHealth health, Client client, Clock clock) {
        boolean expired = client.tokenExpiresOn() != null && client.tokenDaysLeft(clock) < 0;
        String rotate = "Fix: `rotate token " + client.name() + "`.";
        switch (this) {
            case QUARANTINE:
                if (credentials(health)) {
                    return (expired ? "The SCIM token expired on " + client.tokenExpiresOn() + "."
                            : "NinjaOne rejects the token Entra holds: it expired, or it was regenerated in NinjaOne but not put into Entra.")
                            + " Runbook: \"Provisioning stopped → check token expiry date in NinjaOne SCIM settings\". " + rotate;
                }
                return "Runbook: \"Users not appearing → check Entra provisioning logs; most common: companyName mismatch in the "
                        + "Switch expression\". Entra quarantines a job when too many exports fail.";
            case DISABLED:
                return "Runbook: \"Provisioning stopped\". Someone stopped or deleted the job in Entra, or Entra disabled it after "
                        + "four weeks in quarantine. Check the token expiry (" + (client.tokenExpiresOn() == null ? "unknown"
                                : client.tokenExpiresOn()) + "), then start provisioning in Entra or run `onboard client "
                        + client.name() + "` again (it reuses what is in place).";
            case NO_SYNC:
                return "Runbook: \"Provisioning stopped → check token expiry date in NinjaOne SCIM settings\""
                        + (expired ? " (it expired on " + client.tokenExpiresOn() + "). " + rotate
                                : "; then the Entra provisioning logs.");
            default:
                return "Admin consent for the Graph app withdrawn in the client tenant, the Graph app's credentials expired, or a "
                        + "network problem. `consent link " + client.emailDomain() + "` gives the consent link again.";
        }
    }

    private static boolean credentials(JobHealth health) {
        String s = ((health.errorCode() == null ? "" : health.errorCode()) + " " + (health.errorMessage() == null ? ""
                : health.errorMessage())).toLowerCase(java.util.Locale.ROOT);
        return s.contains("unauthorized") || s.contains("credential") || s.contains("401") || s.contains("token");
    }

    static String human(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
