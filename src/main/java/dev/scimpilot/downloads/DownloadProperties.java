package dev.scimpilot.downloads;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Files the bot offers as links (calendar, registry CSV, run evidence). {@code publicUrl} is the bot's public base
 * URL (the host Teams reaches /api/messages on); unset, links point at this machine, which suits local mode only.
 */
@ConfigurationProperties("scimpilot.downloads")
public record DownloadProperties(String publicUrl, Duration linkTtl) {

    public DownloadProperties {
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        linkTtl = linkTtl == null ? Duration.ofHours(24) : linkTtl;
    }
}
