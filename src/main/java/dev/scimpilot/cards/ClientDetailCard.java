package dev.scimpilot.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code cards/client-detail.json}: one client's registry entry and what the bot set up for it;
 * {@code tokenRotated} says when and by whom the token was last rotated (or that it never was);
 * {@code samlCertificate} when the SAML token-signing certificate of the client's app expires ("" when SCIM Pilot did
 * not set up or find SAML SSO); {@code runs} the client's {@link #LAST_RUNS} most recent runs, newest first. Emits {@code token.rotate} and {@code health.check} with the client id.
 */
public record ClientDetailCard(
        String clientId,
        String clientName,
        String ninjaOrgId,
        String emailDomain,
        String tenantId,
        String groupName,
        String appName,
        LocalDate tokenExpiresOn,
        int tokenDaysLeft,
        Instant onboardedAt,
        String onboardedBy,
        String lastHealth,
        String tokenRotated,
        String samlCertificate,
        List<LastRun> runs) {

    /** How many runs the card shows. */
    public static final int LAST_RUNS = 3;

    /** One of the client's most recent runs: {@code kind} the runbook's title, {@code status} its label. */
    public record LastRun(String shortId, String kind, String status, Instant createdAt) {}
}
