package dev.scimpilot.cards;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code cards/client-detail.json}: one client's registry entry and what the bot set up for it;
 * {@code tokenRotated} says when and by whom the token was last rotated (or that it never was);
 * {@code samlCertificate} when the SAML token-signing certificate of the client's app expires ("" when SCIM Pilot did
 * not set up or find SAML SSO). Emits {@code token.rotate} and {@code health.check} with the client id.
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
        String samlCertificate) {}
