package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One HTTP request/response pair with decoded path segments, query and body helpers. */
final class Exchange {

    final HttpExchange http;
    final String method;
    final String path;
    final Map<String, String> query;
    final String requestId = UUID.randomUUID().toString();
    /** The appid claim of the caller's Graph token, once authenticated. */
    String callerAppId;
    private byte[] body;
    private boolean answered;

    Exchange(HttpExchange http) {
        this.http = http;
        this.method = http.getRequestMethod().toUpperCase();
        this.path = http.getRequestURI().getRawPath();
        this.query = parseForm(http.getRequestURI().getRawQuery());
    }

    /** Decoded path segments after the given prefix ("/graph/v1.0" -> ["users", "id"]). */
    List<String> segments(String prefix) {
        String rest = path.substring(prefix.length());
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    String bearer() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    byte[] body() {
        if (body == null) {
            try (InputStream in = http.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
        }
        return body;
    }

    /** The JSON body as an object; an empty body is an empty object, anything else unparsable is a 400. */
    ObjectNode json() {
        byte[] b = body();
        if (b.length == 0) {
            return Json.obj();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(b);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // fall through to the 400 below
        }
        throw new GraphError(400, "BadRequest", "Unable to read JSON request payload.");
    }

    Map<String, String> form() {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    void respond(int status, JsonNode json) {
        respond(status, "application/json", Json.bytes(json));
    }

    void respond(int status, String contentType, byte[] bytes) {
        if (answered) {
            return;
        }
        answered = true;
        try {
            http.getResponseHeaders().set("Content-Type", contentType);
            if (bytes.length == 0 || status == 204) {
                http.sendResponseHeaders(status, -1);
            } else {
                http.sendResponseHeaders(status, bytes.length);
                http.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            http.close();
        }
    }

    void noContent() {
        respond(204, "application/json", new byte[0]);
    }

    boolean answered() {
        return answered;
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).forEach(p -> {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        });
        return out;
    }
}
