package dev.scimpilot.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in for the Teams side of the Bot Framework on loopback: the Bot Connector the bot replies to
 * (records every activity it is sent), and the OpenID metadata + JWKS that inbound tokens are checked
 * against, with a signing key so tests can mint valid and deliberately broken Bot Framework JWTs.
 */
public final class FakeTeams implements AutoCloseable {

    public static final String ISSUER = "https://api.botframework.com";
    public static final String KEY_ID = "scimpilot-test-key";

    /** One call the bot made to the connector. */
    public record ConnectorCall(String method, String path, String authorization, JsonNode body) {

        /** The Adaptive Card the call carries (its first attachment), or a missing node. */
        public JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }
    }

    /** A process-wide key: the SDK caches signing keys statically per metadata URL. */
    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair FORGER = newKeyPair();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<ConnectorCall> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final java.util.concurrent.atomic.AtomicLong connectorCalls = new java.util.concurrent.atomic.AtomicLong();
    private final boolean record;
    private final java.util.concurrent.ExecutorService pool;

    private FakeTeams(HttpServer server, boolean record, java.util.concurrent.ExecutorService pool) {
        this.server = server;
        this.record = record;
        this.pool = pool;
    }

    public static FakeTeams start() {
        return start(true, null);
    }

    /**
     * For load benchmarks: answers on {@code threads} threads (the real connector takes many replies at once; the
     * default HttpServer answers one at a time) and only counts connector calls instead of recording them.
     */
    public static FakeTeams startForLoad(int threads) {
        return start(false, java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-teams");
            t.setDaemon(true);
            return t;
        }));
    }

    private static FakeTeams start(boolean record, java.util.concurrent.ExecutorService pool) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            FakeTeams teams = new FakeTeams(server, record, pool);
            server.createContext("/", teams::handle);
            server.setExecutor(pool);
            server.start();
            return teams;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages posted to each conversation (both modes), so a load sender can wait for the bot's answer. */
    private final java.util.Map<String, long[]> postsByConversation = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many messages the bot has posted to {@code conversationId} so far. */
    public long postsTo(String conversationId) {
        long[] count = postsByConversation.computeIfAbsent(conversationId, k -> new long[1]);
        synchronized (count) {
            return count[0];
        }
    }

    /** Waits until the bot has posted more than {@code seen} messages to {@code conversationId}; false on timeout. */
    public boolean awaitPostsTo(String conversationId, long seen, Duration timeout) throws InterruptedException {
        long[] count = postsByConversation.computeIfAbsent(conversationId, k -> new long[1]);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (count) {
            while (count[0] <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(count, left);
            }
        }
        return true;
    }

    private void countPost(String method, String path) {
        // POST /v3/conversations/{id}/activities[/{replyToId}]
        String prefix = "/connector/v3/conversations/";
        if (!"POST".equals(method) || !path.startsWith(prefix)) {
            return;
        }
        int end = path.indexOf('/', prefix.length());
        String conversation = java.net.URLDecoder.decode(path.substring(prefix.length(), end < 0 ? path.length() : end),
                StandardCharsets.UTF_8);
        long[] count = postsByConversation.computeIfAbsent(conversation, k -> new long[1]);
        synchronized (count) {
            count[0]++;
            count.notifyAll();
        }
    }

    /** How many calls the bot made to the connector (counted in both modes). */
    public long connectorCallCount() {
        return connectorCalls.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The service URL activities carry; the bot replies there. */
    public String serviceUrl() {
        return baseUrl() + "/connector/";
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    public List<ConnectorCall> calls() {
        return new ArrayList<>(calls);
    }

    public void reset() {
        calls.clear();
    }

    // ---- tokens -------------------------------------------------------------------------------

    /** A valid Bot Framework channel token for {@code appId} and this fake's service URL. */
    public String token(String appId) {
        return token(appId, b -> {});
    }

    /** A token starting from the valid one, changed by {@code tweak} (wrong audience, expired, ...). */
    public String token(String appId, Consumer<JWTCreator.Builder> tweak) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl())
                .withNotBefore(Date.from(now.minus(Duration.ofMinutes(1))))
                .withIssuedAt(Date.from(now.minus(Duration.ofMinutes(1))))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(30))));
        tweak.accept(builder);
        return builder.sign(Algorithm.RSA256((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate()));
    }

    /** Same claims and key id, signed with a key the JWKS does not publish. */
    public String forgedToken(String appId) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(appId)
                .withClaim("serviceurl", serviceUrl())
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(30))))
                .sign(Algorithm.RSA256((RSAPublicKey) FORGER.getPublic(), (RSAPrivateKey) FORGER.getPrivate()));
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public String unsignedToken(String appId) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(appId)
                .withClaim("serviceurl", serviceUrl())
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(30))))
                .sign(Algorithm.none());
    }

    // ---- HTTP ---------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        if (path.equals("/v1/.well-known/openidconfiguration")) {
            respond(exchange, 200, """
                    {"issuer":"%s","authorization_endpoint":"%s/v1/auth","jwks_uri":"%s/v1/keys",
                     "id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["private_key_jwt"]}"""
                    .formatted(ISSUER, baseUrl(), baseUrl()));
            return;
        }
        if (path.equals("/v1/keys")) {
            RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
            respond(exchange, 200, """
                    {"keys":[{"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s","endorsements":["msteams","webchat"]}]}"""
                    .formatted(KEY_ID, b64(pub.getModulus().toByteArray()), b64(pub.getPublicExponent().toByteArray())));
            return;
        }
        if (path.startsWith("/connector/")) {
            connectorCalls.incrementAndGet();
            countPost(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            if (!record) {
                respond(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200,
                        "{\"id\":\"act-" + ids.incrementAndGet() + "\"}");
                return;
            }
            JsonNode body = requestBody.length == 0 ? json.nullNode() : json.readTree(requestBody);
            calls.add(new ConnectorCall(exchange.getRequestMethod(), path.substring("/connector".length()),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            String id = "POST".equals(exchange.getRequestMethod()) ? "act-" + ids.incrementAndGet()
                    : path.substring(path.lastIndexOf('/') + 1);
            respond(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200, "{\"id\":\"" + id + "\"}");
            return;
        }
        respond(exchange, 404, "{}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Base64url of an unsigned big-endian integer (strip the sign byte Java adds). */
    private static String b64(byte[] bigEndian) {
        int start = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bigEndian, start, bigEndian.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
