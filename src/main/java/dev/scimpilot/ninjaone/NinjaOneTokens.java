package dev.scimpilot.ninjaone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** OAuth client-credentials access tokens for the NinjaOne API, cached until shortly before they expire. */
final class NinjaOneTokens {

    /** Renew this long before expiry so a token never runs out in the middle of a call. */
    static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

    private record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[<redacted>, lifetime=" + lifetime + "]";
        }
    }

    private final NinjaOneProperties props;
    private final HttpClient http;
    private final ObjectMapper json;
    private final LoadingCache<String, Token> cache;

    NinjaOneTokens(NinjaOneProperties props, HttpClient http, ObjectMapper json) {
        this.props = props;
        this.http = http;
        this.json = json;
        this.cache = Caffeine.newBuilder().maximumSize(1).expireAfter(new Expiry<String, Token>() {
            @Override
            public long expireAfterCreate(String key, Token t, long now) {
                return Math.max(0, t.lifetime().minus(EARLY_RENEWAL).toNanos());
            }

            @Override
            public long expireAfterUpdate(String key, Token t, long now, long current) {
                return expireAfterCreate(key, t, now);
            }

            @Override
            public long expireAfterRead(String key, Token t, long now, long current) {
                return current;
            }
        }).build(key -> fetch());
    }

    String accessToken() {
        return cache.get("token").value();
    }

    /** Forget the cached token (NinjaOne answered 401 to it). */
    void invalidate() {
        cache.invalidateAll();
    }

    private Token fetch() {
        if (props.clientId() == null || props.clientId().isBlank() || props.clientSecret() == null
                || props.clientSecret().isBlank()) {
            throw new NinjaOneException(0, "scimpilot.ninjaone.client-id and client-secret must be set");
        }
        String form = "grant_type=client_credentials&client_id=" + enc(props.clientId()) + "&client_secret="
                + enc(props.clientSecret()) + "&scope=" + enc(props.scope());
        URI uri = URI.create(props.baseUrl() + "/ws/oauth/token");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(props.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NinjaOneException("NinjaOne token endpoint " + uri + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NinjaOneException("Interrupted while getting a NinjaOne token", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new NinjaOneException(response.statusCode(), "NinjaOne rejected the API client credentials for client id '"
                    + props.clientId() + "' (HTTP " + response.statusCode() + ", " + body.path("error").asText("no error code")
                    + "). Check scimpilot.ninjaone.client-id/client-secret.");
        }
        if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
            throw new NinjaOneException(response.statusCode(), "NinjaOne token request failed: HTTP " + response.statusCode());
        }
        return new Token(body.path("access_token").asText(), Duration.ofSeconds(body.path("expires_in").asLong(3600)));
    }

    private JsonNode parse(String s) {
        try {
            return s == null || s.isBlank() ? json.createObjectNode() : json.readTree(s);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
