package dev.scimpilot.alerts;

import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.SamlCertificate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The expiry calendar as iCalendar (RFC 5545): one all-day VEVENT per client with a known token expiry, and one per
 * recorded SAML signing certificate, each with a display alarm 14 days before. UIDs are stable per client and expiry, so re-importing updates events instead of
 * duplicating them, and a rotation (new expiry) is a new event. Holds names, domains and dates only: never a
 * token, URL or tenant secret.
 */
final class IcsCalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private IcsCalendar() {}

    static String of(List<Client> clients, Instant now) {
        return of(clients, java.util.Map.of(), now);
    }

    /** With each client's SAML signing certificate ({@code certificates} by client id) as an event of its own. */
    static String of(List<Client> clients, java.util.Map<String, SamlCertificate> certificates, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//SCIM Pilot//SCIM token expiries//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:NinjaOne SCIM token expiries");
        for (Client c : clients) {
            SamlCertificate cert = certificates.get(c.id());
            if (cert != null) {
                event(ics, uid(c, cert), cert.expiresOn(), now, "NinjaOne SAML signing certificate expires: " + c.name(),
                        "The SAML token-signing certificate (thumbprint " + cert.thumbprint() + ") of " + c.name() + " ("
                                + c.emailDomain() + ") expires today; sign-in to NinjaOne through Entra fails after that. Replace "
                                + "it in Entra (enterprise app, Single sign-on, SAML Certificates), make it active, and import "
                                + "the metadata again in NinjaOne.",
                        "SAML signing certificate of " + c.name() + " expires in 14 days");
            }
            LocalDate expires = c.tokenExpiresOn();
            if (expires == null) {
                continue;
            }
            event(ics, uid(c), expires, now, "NinjaOne SCIM token expires: " + c.name(), "The NinjaOne SCIM token of "
                    + c.name() + " (" + c.emailDomain() + ") expires today; provisioning stops silently after that. In Teams: "
                    + "rotate token " + c.name(), "SCIM token of " + c.name() + " expires in 14 days");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static void event(StringBuilder ics, String uid, LocalDate on, Instant now, String summary, String description,
            String alarm) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid);
        line(ics, "DTSTAMP:" + STAMP.format(now));
        line(ics, "DTSTART;VALUE=DATE:" + DATE.format(on));
        line(ics, "DTEND;VALUE=DATE:" + DATE.format(on.plusDays(1)));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "TRANSP:TRANSPARENT");
        line(ics, "BEGIN:VALARM");
        line(ics, "ACTION:DISPLAY");
        line(ics, "DESCRIPTION:" + text(alarm));
        line(ics, "TRIGGER:-P14D");
        line(ics, "END:VALARM");
        line(ics, "END:VEVENT");
    }

    /** Stable per client and certificate (a new certificate is a new event). */
    static String uid(Client c, SamlCertificate cert) {
        return "saml-cert-" + c.id() + "-" + cert.thumbprint().toLowerCase(java.util.Locale.ROOT) + "@scimpilot";
    }

    /** Stable per client and expiry day. */
    static String uid(Client c) {
        return "scim-token-" + c.id() + "-" + DATE.format(c.tokenExpiresOn()) + "@scimpilot";
    }

    /** TEXT value escaping (RFC 5545 3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Content lines end with CRLF and are folded at 75 octets (3.1), never inside a UTF-8 character. */
    private static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
