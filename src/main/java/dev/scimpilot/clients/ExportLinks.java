package dev.scimpilot.clients;

import static dev.scimpilot.persistence.Timestamps.instant;
import static dev.scimpilot.persistence.Timestamps.ts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Expiring, unguessable download links (256 random bits in the URL). The database keeps only the token's SHA-256, so
 * neither a database reader nor a log line can use a link, and every replica behind the load balancer can serve it.
 * Not single-use: Teams fetches a posted link once for its preview.
 */
@Repository
public class ExportLinks {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public ExportLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for {@code kind}; the caller puts it into the URL. */
    public String issue(String kind, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM export_link WHERE expires_at < ?").param(ts(now)).update();
        jdbc.sql("INSERT INTO export_link (token_hash, kind, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(hash(token), kind, createdBy, ts(now), ts(now.plus(LIFETIME))).update();
        return token;
    }

    /** The kind of a valid, unexpired token. */
    public Optional<String> redeem(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT kind, expires_at FROM export_link WHERE token_hash = ?").param(hash(token))
                .query((rs, n) -> instant(rs, "expires_at").isAfter(clock.instant()) ? rs.getString("kind") : null)
                .optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
