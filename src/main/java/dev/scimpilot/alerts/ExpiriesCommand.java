package dev.scimpilot.alerts;

import dev.scimpilot.cards.ExpiryListCard;
import dev.scimpilot.cards.ExpiryReminderCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.clients.SamlCertificate;
import dev.scimpilot.downloads.DownloadLinks;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code expiries}: every client's SCIM token and SAML signing certificate by days left (a row each), and a fresh download link for the {@code .ics} calendar of the
 * expiry dates (a link, because a Teams bot cannot attach a file in a channel; see README "Reminders and alerts").
 */
@Component
@Order(45)
class ExpiriesCommand implements Command {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);

    private final ClientRegistry registry;
    private final DownloadLinks links;
    private final Clock clock;

    ExpiriesCommand(ClientRegistry registry, DownloadLinks links, Clock clock) {
        this.registry = registry;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("expiries", "expiries", "Lists SCIM token expiries by days left, with an .ics calendar to download.",
                "expiry", "token expiries");
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (request.hasArgs()) {
            return Reply.text("Usage: `expiries` (no arguments). For one client: `client ‹name›`.");
        }
        var certificates = registry.samlCertificates();
        java.util.List<Dated> dated = new java.util.ArrayList<>();
        for (Client c : registry.all()) {
            dated.add(new Dated(c.tokenExpiresOn(), row(c)));
            SamlCertificate cert = certificates.get(c.id());
            if (cert != null) {
                dated.add(new Dated(cert.expiresOn(), row(c, cert)));
            }
        }
        var clients = dated.stream()
                .sorted(Comparator.comparing((Dated d) -> d.on() == null ? 0 : 1)
                        .thenComparing(d -> d.on() == null ? java.time.LocalDate.MIN : d.on())
                        .thenComparing(d -> d.row().clientName())
                        .thenComparing(d -> d.row().what()))
                .map(Dated::row)
                .toList();
        if (clients.isEmpty()) {
            return Reply.card("expiry-list", ExpiryListCard.of(clients, "", ""));
        }
        DownloadLinks.Link link = links.create(ExpiryCalendarDownload.KIND, "all", ExpiryCalendarDownload.FILENAME,
                request.user().aadObjectId());
        return Reply.card("expiry-list", ExpiryListCard.of(clients, link.url(), WHEN.format(link.expiresAt())));
    }

    /** A row and the day it is sorted by (null: unknown, listed first). */
    private record Dated(java.time.LocalDate on, ExpiryListCard.Row row) {}

    private ExpiryListCard.Row row(Client c) {
        if (c.tokenExpiresOn() == null) {
            return new ExpiryListCard.Row(c.id(), c.name(), ExpiryReminderCard.SCIM_TOKEN, "unknown", 0, "unknown: rotate to set it");
        }
        int days = c.tokenDaysLeft(clock);
        return new ExpiryListCard.Row(c.id(), c.name(), ExpiryReminderCard.SCIM_TOKEN, DAY.format(c.tokenExpiresOn()), days,
                daysText(days));
    }

    private ExpiryListCard.Row row(Client c, SamlCertificate cert) {
        int days = cert.daysLeft(clock);
        return new ExpiryListCard.Row(c.id(), c.name(), ExpiryReminderCard.SAML_CERTIFICATE, DAY.format(cert.expiresOn()), days,
                daysText(days));
    }

    private static String daysText(int days) {
        return days < 0 ? "expired " + -days + (days == -1 ? " day" : " days") + " ago"
                : days == 0 ? "today" : "in " + days + (days == 1 ? " day" : " days");
    }
}
