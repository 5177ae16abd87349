package dev.scimpilot.downloads;

import java.util.Optional;

/**
 * One kind of file the bot can offer (e.g. {@code run-evidence.md}). Rendered when the link is opened, from what
 * is in the database then, so a link never carries or caches content; empty when the subject is gone.
 */
public interface DownloadSource {

    /** Stable kind, stored with each link. */
    String kind();

    Optional<Download> render(String subject);
}
