package dev.scimpilot.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code scimpilot.clients.public-url}: the bot's public https base URL (the host of its messaging endpoint), for
 * download links such as {@code clients csv}. Empty: the CSV is posted inline instead.
 */
@ConfigurationProperties("scimpilot.clients")
public record ExportProperties(@DefaultValue("") String publicUrl) {

    public boolean linksEnabled() {
        return publicUrl != null && !publicUrl.isBlank();
    }

    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
