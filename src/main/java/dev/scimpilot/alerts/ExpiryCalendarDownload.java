package dev.scimpilot.alerts;

import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.downloads.Download;
import dev.scimpilot.downloads.DownloadSource;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The expiry calendar as a download ({@code expiries} posts the link): rendered from the registry when the link is
 * opened, so it always shows the current expiry dates.
 */
@Component
class ExpiryCalendarDownload implements DownloadSource {

    static final String KIND = "expiry-calendar";
    static final String FILENAME = "scim-token-expiries.ics";

    private final ClientRegistry registry;
    private final Clock clock;

    ExpiryCalendarDownload(ClientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Download> render(String subject) {
        return Optional.of(Download.text(FILENAME, "text/calendar", IcsCalendar.of(registry.all(), registry.samlCertificates(),
                clock.instant())));
    }
}
