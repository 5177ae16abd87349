package dev.scimpilot.alerts;

import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.cards.ExpiryReminderCard;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.clients.SamlCertificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The daily expiry scan: a reminder card per client whose SCIM token (or SAML signing certificate) expires within
 * 30, 14, 7, 3 or 1 days, on the day, and every day after it expired (until a rotation or a new certificate records a
 * new expiry). Each threshold is posted once per client and token or certificate: the {@code expiry_reminder} row is claimed before posting (the replica whose insert
 * succeeds posts; a failed post gives the claim back so the next scan tries again).
 */
@Service
public class ExpiryReminders {

    /** Days-left thresholds, largest first. */
    static final List<Integer> THRESHOLDS = List.of(30, 14, 7, 3, 1);
    /** At or below this many days left the approvers are @mentioned. */
    static final int MENTION_AT = 3;

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private final ClientRegistry registry;
    private final AlertChannel channel;
    private final ProactiveMessenger messenger;
    private final ProvisioningJobReader jobs;
    private final Approvers approvers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ExpiryReminders(ClientRegistry registry, AlertChannel channel, ProactiveMessenger messenger, ProvisioningJobReader jobs,
            Approvers approvers, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.channel = channel;
        this.messenger = messenger;
        this.jobs = jobs;
        this.approvers = approvers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Which reminder is due at {@code daysLeft}, or null for none: the smallest threshold not below it (so a
     * scan that missed the day of "30" still sends "30" at 28 days), "day-of", or "expired-‹today›" after expiry.
     */
    static String thresholdFor(int daysLeft, java.time.LocalDate today) {
        if (daysLeft < 0) {
            return "expired-" + today;
        }
        if (daysLeft == 0) {
            return "day-of";
        }
        String due = null;
        for (int t : THRESHOLDS) {
            if (daysLeft <= t) {
                due = Integer.toString(t);
            }
        }
        return due;
    }

    /**
     * What expires: a client's SCIM token or its SAML signing certificate. {@code claimPrefix} keeps their claims
     * apart in {@code expiry_reminder} ("" for the token, as before; "saml:" for the certificate), and
     * {@code expiresAt} identifies the token or certificate (a new one has a new expiry, so its thresholds start over).
     */
    private record Expiring(String kind, String claimPrefix, java.time.Instant expiresAt, int daysLeft) {}

    /** Posts every reminder that is due now (tokens and SAML signing certificates); returns how many this replica posted. */
    public int scan() {
        int posted = 0;
        for (Client client : registry.all()) {
            if (client.scimTokenExpiresAt() != null) {
                posted += safely(client, new Expiring(ExpiryReminderCard.SCIM_TOKEN, "", client.scimTokenExpiresAt(),
                        client.tokenDaysLeft(clock)), null);
            }
            SamlCertificate cert;
            try {
                cert = registry.samlCertificate(client.id()).orElse(null);
            } catch (RuntimeException e) {
                log.warn("SAML certificate of client=\"{}\" could not be read: {}", client.name(), e.toString());
                continue;
            }
            if (cert != null) {
                posted += safely(client, new Expiring(ExpiryReminderCard.SAML_CERTIFICATE, "saml:", cert.expiresAt(),
                        cert.daysLeft(clock)), cert);
            }
        }
        return posted;
    }

    private int safely(Client client, Expiring what, SamlCertificate cert) {
        try {
            return remind(client, what, cert) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("expiry reminder ({}) for client=\"{}\" failed: {}", what.kind(), client.name(), e.toString());
            return 0;
        }
    }

    private boolean remind(Client client, Expiring what, SamlCertificate cert) {
        int daysLeft = what.daysLeft();
        String due = thresholdFor(daysLeft, java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
        if (due == null) {
            return false;
        }
        String threshold = what.claimPrefix() + due;
        var destination = channel.destinationFor(client);
        if (destination.isEmpty()) {
            log.warn("no conversation for the {} reminder of client=\"{}\": use `alerts here`", what.kind(), client.name());
            return false;
        }
        if (!claim(client, what.expiresAt(), threshold)) {
            return false; // already posted (by us earlier, or by another replica just now)
        }
        java.time.LocalDate expiresOn = what.expiresAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        try {
            List<Reply.Mention> mentions = daysLeft <= MENTION_AT ? approvers.mentions() : List.of();
            String mentionText = String.join(", ", mentions.stream().map(Reply.Mention::text).toList());
            ExpiryReminderCard card = cert == null
                    ? ExpiryReminderCard.token(client.id(), client.name(), expiresOn, daysLeft, lastRotated(client),
                            jobs.read(client).summary(), mentionText)
                    : ExpiryReminderCard.certificate(client.id(), client.name(), expiresOn, daysLeft, cert.shortThumbprint(),
                            mentionText);
            messenger.send(destination.get(), new Reply.MentionCard("expiry-reminder", card, mentions)).join();
        } catch (RuntimeException e) {
            release(client, what.expiresAt(), threshold);
            throw e;
        }
        audit.record(null, "SCIM Pilot", cert == null ? "reminder.expiry" : "reminder.saml-certificate", null, client.name(),
                "threshold " + due + ", " + daysLeft + " days left, expires " + expiresOn
                        + (cert == null ? "" : ", thumbprint " + cert.thumbprint()));
        return true;
    }

    private boolean claim(Client client, java.time.Instant expiresAt, String threshold) {
        try {
            return jdbc.sql("INSERT INTO expiry_reminder (client_id, token_expires_at, threshold, sent_at) VALUES (?, ?, ?, ?)")
                    .params(client.id(), Timestamp.from(expiresAt), threshold, Timestamp.from(clock.instant()))
                    .update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    private void release(Client client, java.time.Instant expiresAt, String threshold) {
        jdbc.sql("DELETE FROM expiry_reminder WHERE client_id = ? AND token_expires_at = ? AND threshold = ?")
                .params(client.id(), Timestamp.from(expiresAt), threshold).update();
    }

    private static String lastRotated(Client c) {
        if (c.scimTokenIssuedAt() == null) {
            return "unknown";
        }
        String day = DAY.format(c.scimTokenIssuedAt().atOffset(java.time.ZoneOffset.UTC));
        // a rotation records who did it; before the first rotation the token is the one set up at onboarding
        String by = c.tokenRotatedAt() != null ? c.tokenRotatedBy() : c.onboardedBy();
        return by == null || by.isBlank() ? day : day + " by " + by;
    }
}
