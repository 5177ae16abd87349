package dev.scimpilot.alerts;

import java.time.Instant;

/**
 * What the watchdog learned about one client's provisioning job. {@code state} is Graph's status code
 * (Active, Paused, Quarantine, NotConfigured, NotRun), or MISSING (no such job) or UNREACHABLE (the tenant
 * could not be read; {@code detail} says why). Times are null when Graph has none.
 */
record JobHealth(String state, boolean scheduleEnabled, String quarantineReason, String errorCode, String errorMessage,
        Instant lastSuccessfulCycle, String detail) {

    static final String MISSING = "Missing";
    static final String UNREACHABLE = "Unreachable";

    static JobHealth missing(String detail) {
        return new JobHealth(MISSING, false, null, null, null, null, detail);
    }

    static JobHealth unreachable(String detail) {
        return new JobHealth(UNREACHABLE, false, null, null, null, null, detail);
    }

    boolean reachable() {
        return !UNREACHABLE.equals(state);
    }

    /** One line for the reminder card's "Provisioning" fact. */
    String summary() {
        if (UNREACHABLE.equals(state)) {
            return "unknown (tenant not reachable)";
        }
        if (MISSING.equals(state)) {
            return "no provisioning job";
        }
        StringBuilder s = new StringBuilder(state);
        if (quarantineReason != null) {
            s.append(" (").append(quarantineReason).append(')');
        }
        if (!scheduleEnabled && !"Paused".equals(state)) {
            s.append(", schedule off");
        }
        s.append(lastSuccessfulCycle == null ? ", no successful cycle yet" : ", last successful cycle " + lastSuccessfulCycle);
        return s.toString();
    }
}
