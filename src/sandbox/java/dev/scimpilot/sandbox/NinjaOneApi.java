package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The NinjaOne public API v2 subset the runbook needs, under /ninjaone: OAuth client credentials at /ws/oauth/token,
 * organizations, one organization, end users (per organization, all, by type). Shapes follow the v2 spec.
 */
final class NinjaOneApi {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final List<String> USER_FIELDS = List.of("id", "uid", "firstName", "lastName", "email", "phone",
            "enabled", "administrator", "permitAllClients", "notifyAllClients", "mustChangePw", "mfaConfigured",
            "userType", "invitationStatus", "organizationId", "deviceIds", "assignedDeviceIds", "tags", "fields");

    private final SandboxState state;

    NinjaOneApi(SandboxState state) {
        this.state = state;
    }

    void handle(Exchange ex) {
        List<String> seg = ex.segments("/ninjaone");
        synchronized (state) {
            if (seg.equals(List.of("ws", "oauth", "token")) && ex.method.equals("POST")) {
                token(ex);
                return;
            }
            if (seg.isEmpty() || !seg.get(0).equals("v2")) {
                error(ex, 404, "Not found");
                return;
            }
            String bearer = ex.bearer();
            Instant expiry = bearer == null ? null : state.ninja.accessTokens.get(bearer);
            if (expiry == null || Instant.now().isAfter(expiry)) {
                error(ex, 401, "Unauthorized: missing, unknown or expired access token");
                return;
            }
            if (!ex.method.equals("GET")) {
                error(ex, 405, "Method not allowed in the sandbox");
                return;
            }
            route(ex, seg.subList(1, seg.size()));
        }
    }

    private void token(Exchange ex) {
        Map<String, String> form = ex.form();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            ex.respond(400, Json.obj().put("error", "unsupported_grant_type"));
            return;
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || secret == null || !secret.equals(state.ninja.apiClients.get(id))) {
            ex.respond(401, Json.obj().put("error", "invalid_client")
                    .put("error_description", "Client authentication failed"));
            return;
        }
        String token = "ninja-api-" + state.randomToken(20);
        state.ninja.accessTokens.put(token, Instant.now().plus(TOKEN_LIFETIME));
        ex.respond(200, Json.obj().put("access_token", token).put("expires_in", TOKEN_LIFETIME.toSeconds())
                .put("scope", form.getOrDefault("scope", "monitoring")).put("token_type", "Bearer"));
    }

    private void route(Exchange ex, List<String> seg) {
        if (seg.equals(List.of("organizations"))) {
            organizations(ex);
        } else if (seg.size() >= 2 && seg.get(0).equals("organization")) {
            long id = parseId(seg.get(1));
            ObjectNode org = state.ninja.organizations.get(id);
            if (org == null) {
                error(ex, 404, "Organization " + seg.get(1) + " not found");
            } else if (seg.size() == 2) {
                ex.respond(200, org);
            } else if (seg.size() == 3 && seg.get(2).equals("end-users")) {
                ex.respond(200, users(u -> "END_USER".equals(Json.text(u, "userType"))
                        && u.path("organizationId").asLong(-1) == id));
            } else {
                error(ex, 404, "Not found");
            }
        } else if (seg.equals(List.of("users"))) {
            String type = ex.query.get("userType");
            ex.respond(200, users(u -> type == null || type.equals(Json.text(u, "userType"))));
        } else if (seg.equals(List.of("user", "end-users"))) {
            ArrayNode out = Json.arr();
            state.ninja.users.values().stream().filter(u -> "END_USER".equals(Json.text(u, "userType")))
                    .forEach(u -> out.add(endUser(u)));
            ex.respond(200, out);
        } else if (seg.size() == 3 && seg.get(0).equals("user") && seg.get(1).equals("end-user")) {
            ObjectNode u = state.ninja.users.get(parseId(seg.get(2)));
            if (u == null || !"END_USER".equals(Json.text(u, "userType"))) {
                error(ex, 404, "End user " + seg.get(2) + " not found");
            } else {
                ex.respond(200, endUser(u));
            }
        } else {
            error(ex, 404, "Not found");
        }
    }

    private void organizations(Exchange ex) {
        int pageSize = (int) parseId(ex.query.getOrDefault("pageSize", "1000"));
        long after = ex.query.containsKey("after") ? parseId(ex.query.get("after")) : Long.MIN_VALUE;
        String of = ex.query.get("of");
        ArrayNode out = Json.arr();
        state.ninja.organizations.values().stream()
                .filter(o -> o.path("id").asLong() > after)
                .filter(o -> of == null || o.path("name").asText().toLowerCase().contains(of.toLowerCase()))
                .limit(pageSize <= 0 ? 1000 : pageSize)
                .forEach(o -> {
                    ObjectNode brief = o.deepCopy();
                    brief.remove(List.of("locations", "policies", "settings"));
                    out.add(brief);
                });
        ex.respond(200, out);
    }

    private ArrayNode users(java.util.function.Predicate<JsonNode> filter) {
        ArrayNode out = Json.arr();
        state.ninja.users.values().stream().filter(filter).forEach(u -> {
            ObjectNode v = Json.obj();
            USER_FIELDS.forEach(f -> v.set(f, u.get(f)));
            out.add(v);
        });
        return out;
    }

    private ObjectNode endUser(JsonNode u) {
        ObjectNode e = Json.obj();
        for (String f : List.of("id", "uid", "enabled", "firstName", "lastName", "email", "phone", "organizationId",
                "mustChangePw", "mfaConfigured", "invitationStatus", "assignedDeviceIds")) {
            e.set(f, u.get(f));
        }
        boolean scim = state.ninja.scimResources.containsKey(u.path("id").asLong());
        e.put("fullPortalAccess", false);
        e.put("scimUser", scim);
        e.put("authType", scim ? "SSO" : "NATIVE");
        e.putArray("accessibleDeviceIds");
        return e;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void error(Exchange ex, int status, String message) {
        ex.respond(status, Json.obj().put("resultCode", status == 401 ? "UNAUTHORIZED" : "FAILURE")
                .put("errorMessage", message).put("incidentId", ex.requestId));
    }
}
