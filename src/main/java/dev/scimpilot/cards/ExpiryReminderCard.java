package dev.scimpilot.cards;

import java.time.LocalDate;

/**
 * Data of {@code cards/expiry-reminder.json}: the unprompted reminder that something of a client expires soon, of
 * one of two kinds: {@link #SCIM_TOKEN} (provisioning stops silently when it does; {@code rotatable}, so the card
 * has <b>Rotate now</b>, emitting {@code token.rotate} with the client id) or {@link #SAML_CERTIFICATE} (sign-in to
 * NinjaOne through Entra stops; replaced by hand in Entra and NinjaOne, so no button). {@code lastRotated} is
 * "01 May 2026 by Lena Meier" or "unknown" ("" for a certificate); {@code thumbprint} the certificate's short
 * thumbprint ("" for a token); {@code provisioning} the job's last status ("" when not read); {@code mentions} the
 * {@code <at>…</at>} texts of the approvers to notify ("" for none; the chat layer adds the mention entities);
 * {@code stops} / {@code stopped} what happens at expiry, {@code nextStep} what to do, in words.
 */
public record ExpiryReminderCard(
        String clientId,
        String clientName,
        String kind,
        boolean rotatable,
        LocalDate expiresOn,
        int daysLeft,
        String lastRotated,
        String thumbprint,
        String provisioning,
        String mentions,
        String stops,
        String stopped,
        String nextStep) {

    public static final String SCIM_TOKEN = "SCIM token";
    public static final String SAML_CERTIFICATE = "SAML signing certificate";

    /** A SCIM token: Rotate now. */
    public static ExpiryReminderCard token(String clientId, String clientName, LocalDate expiresOn, int daysLeft,
            String lastRotated, String provisioning, String mentions) {
        return new ExpiryReminderCard(clientId, clientName, SCIM_TOKEN, true, expiresOn, daysLeft, lastRotated, "", provisioning,
                mentions, "Provisioning stops silently after that.", "Provisioning has stopped.",
                "Rotate: regenerate the token in NinjaOne, paste it in the form; I update Entra, test the connection and set "
                        + "the next reminder.");
    }

    /** The SAML token-signing certificate of the client's enterprise app: replaced by hand, no button. */
    public static ExpiryReminderCard certificate(String clientId, String clientName, LocalDate expiresOn, int daysLeft,
            String thumbprint, String mentions) {
        return new ExpiryReminderCard(clientId, clientName, SAML_CERTIFICATE, false, expiresOn, daysLeft, "", thumbprint, "",
                mentions, "Sign-in to NinjaOne through Entra stops after that.", "Sign-in to NinjaOne through Entra fails.",
                "Replace it: in Entra, Enterprise applications → the NinjaOne app → Single sign-on → SAML Certificates → New "
                        + "Certificate, then Make certificate active; in NinjaOne, Import metadata from URL again on the "
                        + "client's identity provider and Test Connection. The next check provisioning records the new one.");
    }
}
