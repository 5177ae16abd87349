package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON batching (POST /$batch, at most 20 requests, dependsOn, per-request headers): every sub-request is sent
 * back to this sandbox over loopback with the caller's token, so each gets its own status, 429s included.
 */
final class GraphBatch {

    static final int MAX_REQUESTS = 20;
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private final SandboxState state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GraphBatch(SandboxState state) {
        this.state = state;
    }

    void handle(Exchange ex, String versionPrefix) {
        JsonNode requests = ex.json().path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw new GraphError(400, "BadRequest", "Invalid batch payload format: 'requests' is required.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw new GraphError(400, "BadRequest", "Maximum number of requests in a batch is " + MAX_REQUESTS + ".");
        }
        Map<String, Integer> statusById = new HashMap<>();
        ObjectNode out = Json.obj();
        ArrayNode responses = out.putArray("responses");
        for (JsonNode r : requests) {
            String id = r.path("id").asText();
            ObjectNode resp = responses.addObject().put("id", id);
            boolean dependencyFailed = false;
            for (JsonNode dep : r.path("dependsOn")) {
                Integer s = statusById.get(dep.asText());
                dependencyFailed |= s == null || s >= 400;
            }
            if (dependencyFailed) {
                statusById.put(id, 424);
                resp.put("status", 424);
                resp.putObject("body").putObject("error").put("code", "FailedDependency")
                        .put("message", "A request this request depends on failed.");
                continue;
            }
            HttpResponse<String> sub = send(ex, versionPrefix, r);
            statusById.put(id, sub.statusCode());
            resp.put("status", sub.statusCode());
            ObjectNode headers = resp.putObject("headers");
            sub.headers().map().forEach((k, v) -> {
                if (!k.startsWith(":") && !k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("date")) {
                    headers.put(k, String.join(",", v));
                }
            });
            if (sub.body() != null && !sub.body().isBlank()) {
                resp.set("body", Json.parse(sub.body()));
            }
        }
        ex.respond(200, out);
    }

    private HttpResponse<String> send(Exchange outer, String versionPrefix, JsonNode r) {
        String url = r.path("url").asText();
        String method = r.path("method").asText("GET").toUpperCase();
        URI uri = URI.create(state.baseUrl + versionPrefix + (url.startsWith("/") ? url : "/" + url));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        r.path("headers").properties().forEach(h -> {
            if (!RESTRICTED.contains(h.getKey().toLowerCase())) {
                b.header(h.getKey(), h.getValue().asText());
            }
        });
        String auth = outer.header("Authorization");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        JsonNode body = r.get("body");
        if (body == null || body.isNull()) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!r.path("headers").has("Content-Type") && !r.path("headers").has("content-type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GraphError(502, "BadGateway", "Batch sub-request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphError(500, "InternalServerError", "interrupted");
        }
    }
}
