package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The provisioning service's HTTP side: talks SCIM 2.0 to the saved BaseAddress with the SecretToken bearer. */
final class ScimTarget {

    /** The outcome of one call: create/update/disable/other, HTTP status (0 = not sent), SCIM id, error text. */
    record Outcome(ScimExport export, String action, int status, String scimId, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private record Response(int status, JsonNode body, String error) { }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Entra's "test connection": a GET /Users filter for a user that cannot exist; returns the HTTP status. */
    int probe(String baseAddress, String token, String randomUserName) {
        return send("GET", baseAddress + "/Users?filter=" + enc("userName eq \"" + randomUserName + "\""), token, null).status;
    }

    /** Finds the user by its matching attribute, then creates (POST) or updates (PATCH replace) it. */
    Outcome export(String baseAddress, String token, ScimExport e) {
        if (e.error() != null) {
            return new Outcome(e, "other", 0, null, e.error());
        }
        if (baseAddress == null || token == null) {
            return new Outcome(e, "other", 0, null, "Admin credentials are not saved for this application.");
        }
        String scimId = e.knownScimId();
        if (e.matchValue() != null) {
            Response found = send("GET", baseAddress + "/Users?filter=" + enc("userName eq \"" + e.matchValue() + "\""),
                    token, null);
            if (found.status != 200) {
                return new Outcome(e, "other", found.status, null, found.error);
            }
            JsonNode hit = found.body == null ? null : found.body.path("Resources").path(0);
            scimId = hit == null || hit.isMissingNode() ? null : hit.path("id").asText();
        }
        if (scimId == null) {
            Response r = send("POST", baseAddress + "/Users", token, e.resource());
            return new Outcome(e, "create", r.status, r.body == null ? null : Json.text(r.body, "id"), r.error);
        }
        ObjectNode value = e.resource().deepCopy();
        value.remove("schemas");
        Response r = send("PATCH", baseAddress + "/Users/" + scimId, token, patch(value, null));
        return new Outcome(e, "update", r.status, scimId, r.error);
    }

    /** Soft-deletes a user that left the scope (active=false), as Entra does by default. */
    Outcome disable(String baseAddress, String token, ScimExport e) {
        Response r = send("PATCH", baseAddress + "/Users/" + e.knownScimId(), token,
                patch(Json.MAPPER.getNodeFactory().booleanNode(false), "active"));
        return new Outcome(e, "disable", r.status, e.knownScimId(), r.error);
    }

    private static ObjectNode patch(JsonNode value, String path) {
        ObjectNode patch = Json.obj();
        patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        ObjectNode op = patch.putArray("Operations").addObject().put("op", "Replace");
        if (path != null) {
            op.put("path", path);
        }
        op.set("value", value);
        return patch;
    }

    private Response send(String method, String url, String token, JsonNode body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/scim+json");
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/scim+json");
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? null : safeParse(r.body());
            String error = r.statusCode() >= 300 ? "HTTP " + r.statusCode() + (json != null && json.has("detail")
                    ? ": " + json.path("detail").asText() : "") : null;
            return new Response(r.statusCode(), json, error);
        } catch (IOException | IllegalArgumentException e) {
            return new Response(0, null, "The SCIM endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, "interrupted");
        }
    }

    private static JsonNode safeParse(String s) {
        try {
            return Json.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
