package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Entra login endpoints under /login: OpenID discovery per domain or tenant (how a domain maps to a tenant id)
 * and a client-credentials token endpoint issuing unsigned Graph tokens with the tenant's tid.
 */
final class LoginApi {

    private final SandboxState state;

    LoginApi(SandboxState state) {
        this.state = state;
    }

    void handle(Exchange ex) {
        List<String> seg = ex.segments("/login");
        if (seg.size() == 4 && seg.subList(1, 4).equals(List.of("v2.0", ".well-known", "openid-configuration"))
                && ex.method.equals("GET")) {
            discovery(ex, seg.get(0));
        } else if (seg.size() == 4 && seg.subList(1, 4).equals(List.of("oauth2", "v2.0", "token"))
                && ex.method.equals("POST")) {
            token(ex, seg.get(0));
        } else {
            ex.respond(404, Json.obj().put("error", "not_found"));
        }
    }

    private void discovery(Exchange ex, String domainOrTenant) {
        String tid = state.resolveTenant(domainOrTenant);
        if (tid == null) {
            ex.respond(400, aadError("invalid_tenant", 90002, "AADSTS90002: Tenant '" + domainOrTenant
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct "
                    + "cloud. Check with your subscription administrator, this may happen if there are no active "
                    + "subscriptions for the tenant.", ex.requestId));
            return;
        }
        String base = state.baseUrl + "/login/" + tid;
        ObjectNode c = Json.obj();
        c.put("token_endpoint", base + "/oauth2/v2.0/token");
        c.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt")
                .add("client_secret_basic");
        c.put("jwks_uri", base + "/discovery/v2.0/keys");
        c.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        c.putArray("subject_types_supported").add("pairwise");
        c.putArray("id_token_signing_alg_values_supported").add("RS256");
        c.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        c.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        c.put("issuer", "https://login.microsoftonline.com/" + tid + "/v2.0");
        c.put("request_uri_parameter_supported", false);
        c.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        c.put("tenant_region_scope", "EU");
        c.put("cloud_instance_name", "microsoftonline.com");
        c.put("cloud_graph_host_name", "graph.windows.net");
        c.put("msgraph_host", "graph.microsoft.com");
        ex.respond(200, c);
    }

    private void token(Exchange ex, String domainOrTenant) {
        String tid = state.resolveTenant(domainOrTenant);
        Map<String, String> form = ex.form();
        if (tid == null) {
            ex.respond(400, aadError("invalid_tenant", 90002, "AADSTS90002: Tenant '" + domainOrTenant + "' not found.",
                    ex.requestId));
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type")) || form.get("client_id") == null) {
            ex.respond(400, aadError("invalid_request", 900144, "AADSTS900144: The request body must contain "
                    + "grant_type=client_credentials and client_id.", ex.requestId));
            return;
        }
        ex.respond(200, Json.obj().put("token_type", "Bearer").put("expires_in", 3599).put("ext_expires_in", 3599)
                .put("access_token", unsignedGraphToken(tid, form.get("client_id"), 3600)));
    }

    /** An unsigned JWT as the sandbox's Graph accepts it (tid, aud, exp). */
    static String unsignedGraphToken(String tid, String appId, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = Json.obj().put("aud", "https://graph.microsoft.com")
                .put("iss", "https://sts.windows.net/" + tid + "/").put("iat", now).put("nbf", now)
                .put("exp", now + lifetimeSeconds).put("appid", appId).put("tid", tid).put("idtyp", "app");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.bytes(claims)) + ".";
    }

    private static ObjectNode aadError(String error, int code, String description, String requestId) {
        ObjectNode e = Json.obj().put("error", error).put("error_description", description);
        e.putArray("error_codes").add(code);
        e.put("timestamp", Instant.now().toString().replace('T', ' ').replace("Z", "Z"));
        e.put("trace_id", requestId);
        e.put("correlation_id", requestId);
        return e;
    }
}
