package dev.scimpilot.cards;

import java.time.LocalDate;

/**
 * Data of {@code cards/expiry-reminder.json}: the unprompted reminder that a client's SCIM token expires soon
 * (provisioning stops silently when it does). Emits {@code token.rotate} with the client id.
 */
public record ExpiryReminderCard(
        String clientId,
        String clientName,
        LocalDate expiresOn,
        int daysLeft,
        LocalDate lastRotatedOn,
        String rotatedBy) {}
