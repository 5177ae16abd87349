package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the watchdog counts as an incident, on a fixed clock, and which reminder is due on which day. */
class IncidentTests {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Duration WINDOW = Duration.ofHours(24);

    @Test
    void quarantineIsOneIncidentWithItsReasonNotAlsoAStaleCycle() {
        JobHealth h = new JobHealth("Quarantine", true, "EncounteredQuarantineException", "ScimUnauthorized",
                "You appear to have entered invalid credentials", NOW.minus(Duration.ofDays(4)), null);
        assertThat(Incident.of(h, NOW, WINDOW)).containsOnlyKeys(Incident.QUARANTINE);
        assertThat(Incident.of(h, NOW, WINDOW).get(Incident.QUARANTINE)).contains("EncounteredQuarantineException")
                .contains("invalid credentials");
    }

    @Test
    void stoppedNotConfiguredOrMissingJobsAreDisabled() {
        assertThat(Incident.of(new JobHealth("Paused", false, null, null, null, NOW, null), NOW, WINDOW)).containsOnlyKeys(Incident.DISABLED);
        assertThat(Incident.of(new JobHealth("NotConfigured", false, null, null, null, null, null), NOW, WINDOW)).containsOnlyKeys(Incident.DISABLED);
        assertThat(Incident.of(JobHealth.missing("gone"), NOW, WINDOW)).containsOnlyKeys(Incident.DISABLED);
        assertThat(Incident.of(new JobHealth("Active", false, null, null, null, NOW, null), NOW, WINDOW)).containsOnlyKeys(Incident.DISABLED);
    }

    @Test
    void noSuccessfulCycleOnlyAfterTheWindow() {
        assertThat(Incident.of(new JobHealth("Active", true, null, null, null, NOW.minus(WINDOW).plusSeconds(1), null), NOW, WINDOW)).isEmpty();
        assertThat(Incident.of(new JobHealth("Active", true, null, null, null, NOW.minus(WINDOW).minusSeconds(1), null), NOW, WINDOW))
                .containsOnlyKeys(Incident.NO_SYNC);
    }

    @Test
    void anUnreachableTenantIsOnlyThat() {
        assertThat(Incident.of(JobHealth.unreachable("Graph answered HTTP 401"), NOW, WINDOW)).containsOnlyKeys(Incident.UNREACHABLE);
    }

    @Test
    void theLikelyCauseComesFromTheRunbook() {
        var client = AlertsIT.rheintal(LocalDate.of(2026, 11, 20), "conv");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JobHealth credentials = new JobHealth("Quarantine", true, "EncounteredQuarantineException", "ScimUnauthorized", "401", null, null);
        assertThat(Incident.QUARANTINE.likelyCause(credentials, client, clock))
                .contains("expired on 2026-11-20").contains("check token expiry date in NinjaOne SCIM settings")
                .contains("rotate token Rheintal Logistik AG");
        JobHealth escrows = new JobHealth("Quarantine", true, "EncounteredEscrowProportionThreshold", null, null, null, null);
        assertThat(Incident.QUARANTINE.likelyCause(escrows, client, clock)).contains("companyName mismatch");
    }

    @Test
    void dueReminderPerDay() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertThat(ExpiryReminders.thresholdFor(31, today)).isNull();
        assertThat(ExpiryReminders.thresholdFor(30, today)).isEqualTo("30");
        assertThat(ExpiryReminders.thresholdFor(15, today)).isEqualTo("30");
        assertThat(ExpiryReminders.thresholdFor(14, today)).isEqualTo("14");
        assertThat(ExpiryReminders.thresholdFor(8, today)).isEqualTo("14");
        assertThat(ExpiryReminders.thresholdFor(7, today)).isEqualTo("7");
        assertThat(ExpiryReminders.thresholdFor(3, today)).isEqualTo("3");
        assertThat(ExpiryReminders.thresholdFor(2, today)).isEqualTo("3");
        assertThat(ExpiryReminders.thresholdFor(1, today)).isEqualTo("1");
        assertThat(ExpiryReminders.thresholdFor(0, today)).isEqualTo("day-of");
        assertThat(ExpiryReminders.thresholdFor(-1, today)).isEqualTo("expired-2026-11-28");
    }
}
