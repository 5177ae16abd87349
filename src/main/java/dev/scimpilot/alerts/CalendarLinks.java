package dev.scimpilot.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Download links for the expiry calendar: 256 random bits in the URL, only their SHA-256 in the database (a
 * database reader cannot rebuild a link), valid for {@code calendar-link-ttl}.
 */
@Repository
class CalendarLinks {

    /** A new link's token (goes into the URL) and when it stops working. */
    record Link(String token, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertProperties properties;

    CalendarLinks(JdbcClient jdbc, Clock clock, AlertProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Link create(String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.calendarLinkTtl());
        jdbc.sql("DELETE FROM calendar_link WHERE expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO calendar_link (token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), createdBy, Timestamp.from(now), Timestamp.from(expires)).update();
        return new Link(token, expires);
    }

    boolean valid(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM calendar_link WHERE token_hash = ? AND expires_at > ?")
                .params(hash(token), Timestamp.from(clock.instant())).query(Integer.class).single() > 0;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
