package dev.scimpilot.downloads;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /downloads/{token}/{filename}}: the file for whoever holds a valid link. Anything else is a plain 404,
 * the same for a wrong, expired or guessed token, so links cannot be probed.
 */
@RestController
class DownloadController {

    private final DownloadLinks links;

    DownloadController(DownloadLinks links) {
        this.links = links;
    }

    @GetMapping("/downloads/{token}/{filename:.+}")
    ResponseEntity<byte[]> download(@PathVariable String token, @PathVariable String filename) {
        return links.open(token, filename)
                .map(d -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(d.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.filename() + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .body(d.body()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
