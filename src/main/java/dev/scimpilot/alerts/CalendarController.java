package dev.scimpilot.alerts;

import dev.scimpilot.clients.ClientRegistry;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /calendar/{token}/expiries.ics}: the expiry calendar for whoever holds a valid link from
 * {@code expiries}. Anything else is a plain 404, so links cannot be probed.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private final CalendarLinks links;
    private final ClientRegistry registry;
    private final Clock clock;

    CalendarController(CalendarLinks links, ClientRegistry registry, Clock clock) {
        this.links = links;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/calendar/{token}/expiries.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        if (!links.valid(token)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scim-token-expiries.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(IcsCalendar.of(registry.all(), clock.instant()));
    }
}
