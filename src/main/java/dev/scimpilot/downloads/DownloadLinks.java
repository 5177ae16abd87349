package dev.scimpilot.downloads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Download links: a Teams bot cannot attach a file to a channel message (files go through SharePoint, and the
 * file-consent card works in personal chats only), so the bot posts an https link to itself instead. The link
 * holds 256 random bits; the database keeps only their SHA-256 (someone reading the table cannot rebuild a link),
 * with what it opens and until when. Any replica can serve any link.
 */
@Component
public class DownloadLinks {

    /** A link as posted in chat, and when it stops working. */
    public record Link(String url, Instant expiresAt) {}

    /** What a valid token opens. */
    record Grant(String kind, String subject, String filename) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DownloadProperties properties;
    private final Environment environment;
    private final Map<String, DownloadSource> sources;

    public DownloadLinks(JdbcClient jdbc, Clock clock, DownloadProperties properties, Environment environment,
                         List<DownloadSource> sources) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.environment = environment;
        this.sources = sources.stream().collect(Collectors.toMap(DownloadSource::kind, Function.identity()));
    }

    /** A new link to the file of {@code kind} for {@code subject}, named {@code filename} in the browser. */
    public Link create(String kind, String subject, String filename, String createdBy) {
        if (!sources.containsKey(kind)) {
            throw new IllegalArgumentException("No download source of kind " + kind);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.linkTtl());
        jdbc.sql("DELETE FROM download_link WHERE expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO download_link (token_hash, kind, subject, filename, created_by, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(hash(token), kind, subject, filename, createdBy, Timestamp.from(now), Timestamp.from(expires)).update();
        return new Link(baseUrl() + "/downloads/" + token + "/" + filename, expires);
    }

    /** The file behind a token, if the token is valid, unexpired and the name matches. */
    Optional<Download> open(String token, String filename) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Optional<Grant> grant = jdbc.sql("SELECT kind, subject, filename FROM download_link WHERE token_hash = ? AND expires_at > ?")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Grant(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        return grant.filter(g -> g.filename().equals(filename))
                .flatMap(g -> Optional.ofNullable(sources.get(g.kind())).flatMap(s -> s.render(g.subject())));
    }

    private String baseUrl() {
        if (!properties.publicUrl().isEmpty()) {
            return properties.publicUrl();
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
