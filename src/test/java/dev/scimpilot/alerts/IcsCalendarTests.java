package dev.scimpilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.clients.Client;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 basics of the expiry calendar: CRLF lines of at most 75 octets, escaped text, all-day events, stable UIDs. */
class IcsCalendarTests {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void oneAllDayEventPerClientWithAnAlarmFourteenDaysBefore() {
        String ics = IcsCalendar.of(List.of(client("c-1", "Rheintal Logistik AG", LocalDate.of(2026, 12, 3)),
                client("c-unknown", "Seeberger Treuhand GmbH", null)), NOW);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2); // the unknown expiry has no event
        assertThat(ics).contains("\r\nDTSTART;VALUE=DATE:20261203\r\n").contains("\r\nDTEND;VALUE=DATE:20261204\r\n")
                .contains("\r\nDTSTAMP:20261128T080000Z\r\n").contains("\r\nTRIGGER:-P14D\r\n").contains("\r\nACTION:DISPLAY\r\n");
    }

    @Test
    void uidIsStablePerClientAndExpiryAndChangesWithARotation() {
        Client c = client("c-1", "Rheintal Logistik AG", LocalDate.of(2026, 12, 3));
        assertThat(IcsCalendar.of(List.of(c), NOW)).contains("UID:" + IcsCalendar.uid(c) + "\r\n");
        assertThat(IcsCalendar.uid(c)).isEqualTo(IcsCalendar.uid(client("c-1", "Renamed AG", LocalDate.of(2026, 12, 3))))
                .isNotEqualTo(IcsCalendar.uid(client("c-1", "Rheintal Logistik AG", LocalDate.of(2027, 6, 3))));
    }

    @Test
    void linesAreFoldedAt75OctetsAndTextIsEscaped() {
        String name = "Genossenschaft für Alters- und Pflegeheime; im Oberen Emmental, und Entlebuch \\ Ämter";
        String ics = IcsCalendar.of(List.of(client("c-1", name, LocalDate.of(2026, 12, 3))), NOW);
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        Arrays.stream(ics.split("\r\n")).forEach(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:NinjaOne SCIM token expires: Genossenschaft für Alters- und Pflegeheime\\; "
                + "im Oberen Emmental\\, und Entlebuch \\\\ Ämter\r\n");
    }

    private static Client client(String id, String name, LocalDate expiry) {
        Instant expires = expiry == null ? null : expiry.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        return new Client(id, name, 21, name, "example.ch", "t", List.of(), "All", null, null, null, null, null, null, null,
                null, "scim-secret-name", "v1", null, expires, "conv", "Anna", NOW, null, NOW);
    }
}
