package dev.scimpilot.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SAML token-signing certificate of a client's enterprise app (Graph creates it for three years): when it
 * expires, NinjaOne's sign-in stops until a new one is imported, like an expired SCIM token stops provisioning.
 */
public record SamlCertificate(String thumbprint, Instant expiresAt) {

    /** The day it expires (UTC). */
    public java.time.LocalDate expiresOn() {
        return expiresAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Days until it expires, by calendar day like {@link Client#tokenDaysLeft} (negative once expired). */
    public int daysLeft(Clock clock) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC)), expiresOn());
    }

    /** "3F2A9C…": enough to tell two certificates apart on a card. */
    public String shortThumbprint() {
        return thumbprint.length() > 6 ? thumbprint.substring(0, 6) + "…" : thumbprint;
    }

    /** "expires 28 Nov 2029 (thumbprint 3F2A9C…, 1096 days left)". */
    public String describe(Clock clock) {
        long days = Duration.between(clock.instant(), expiresAt).toDays();
        String thumb = thumbprint.length() > 6 ? thumbprint.substring(0, 6) + "…" : thumbprint;
        return "expires " + DateTimeFormatter.ofPattern("dd MMM yyyy").withZone(ZoneOffset.UTC).format(expiresAt)
                + " (thumbprint " + thumb + ", " + (days < 0 ? "expired" : days + " days left") + ")";
    }
}
