package dev.scimpilot.downloads;

import java.nio.charset.StandardCharsets;

/** A file as served: its name, media type and bytes. */
public record Download(String filename, String contentType, byte[] body) {

    public static Download text(String filename, String contentType, String body) {
        return new Download(filename, contentType + ";charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
