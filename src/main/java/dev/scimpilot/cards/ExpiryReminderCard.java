package dev.scimpilot.cards;

import java.time.LocalDate;

/**
 * Data of {@code cards/expiry-reminder.json}: the unprompted reminder that a client's SCIM token expires soon
 * (provisioning stops silently when it does). {@code lastRotated} is "01 May 2026 by Lena Meier" or "unknown";
 * {@code provisioning} the job's last status; {@code mentions} the {@code <at>…</at>} texts of the approvers to
 * notify ("" for none; the chat layer adds the mention entities). Emits {@code token.rotate} with the client id.
 */
public record ExpiryReminderCard(
        String clientId,
        String clientName,
        LocalDate expiresOn,
        int daysLeft,
        String lastRotated,
        String provisioning,
        String mentions) {}
