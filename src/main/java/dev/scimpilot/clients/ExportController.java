package dev.scimpilot.clients;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/{token}/clients.csv}: the registry CSV behind an expiring link posted by {@code clients csv}. The
 * link is the credential (Teams opens it in the browser, which has no bot token); an unknown or expired one is a 404
 * that says nothing more. The file is rendered at download time from the shared database.
 */
@RestController
class ExportController {

    private final ExportLinks links;
    private final RegistryCsv csv;

    ExportController(ExportLinks links, RegistryCsv csv) {
        this.links = links;
        this.csv = csv;
    }

    @GetMapping("/exports/{token}/clients.csv")
    ResponseEntity<byte[]> clients(@PathVariable String token) {
        if (!links.redeem(token).filter("clients-csv"::equals).isPresent()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clients.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(csv.render().getBytes(StandardCharsets.UTF_8));
    }
}
