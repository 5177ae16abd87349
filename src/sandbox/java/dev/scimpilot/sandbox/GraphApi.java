package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The emulated Microsoft Graph under /graph/v1.0 and /graph/beta: token check, routing, error envelope. */
final class GraphApi {

    static final Set<String> GRAPH_AUDIENCES = Set.of("https://graph.microsoft.com", "https://graph.microsoft.com/",
            "00000003-0000-0000-c000-000000000000");
    /** Synchronization actions that call the SCIM endpoint: they must not hold the state lock while doing so. */
    private static final Set<String> OUTBOUND_ACTIONS = Set.of("start", "restart", "provisionOnDemand", "validateCredentials");

    private final SandboxState state;
    private final GraphDirectory directory;
    private final GraphApps apps;
    private final GraphSync sync;
    private final GraphBatch batch;

    GraphApi(SandboxState state, Faults faults, ProvisioningEngine engine) {
        this.state = state;
        this.directory = new GraphDirectory(state);
        this.apps = new GraphApps(state, faults);
        this.sync = new GraphSync(state, engine);
        this.batch = new GraphBatch(state);
    }

    void handle(Exchange ex) {
        String prefix = ex.path.startsWith("/graph/beta") ? "/graph/beta" : "/graph/v1.0";
        try {
            if (!ex.path.startsWith(prefix)) {
                throw new GraphError(404, "BadRequest", "Unknown Graph version in '" + ex.path + "'.");
            }
            String tenantId = authenticate(ex);
            // OData functions are called as "functions()"; treat them like plain segments
            List<String> seg = ex.segments(prefix).stream()
                    .map(x -> x.endsWith("()") ? x.substring(0, x.length() - 2) : x).toList();
            if (seg.isEmpty()) {
                throw new GraphError(400, "BadRequest", "Invalid request.");
            }
            if (seg.equals(List.of("$batch")) && ex.method.equals("POST")) {
                // sub-requests come back to this server, so no state lock here
                batch.handle(ex, prefix);
                return;
            }
            boolean outbound = seg.size() >= 5 && seg.get(0).equals("servicePrincipals") && ex.method.equals("POST")
                    && OUTBOUND_ACTIONS.contains(seg.get(seg.size() - 1));
            if (outbound) {
                sync.handleOutbound(ex, tenantId, seg);
                return;
            }
            synchronized (state) {
                Tenant t = state.tenant(tenantId);
                route(ex, t, seg, prefix.endsWith("beta"));
            }
        } catch (GraphError e) {
            error(ex, e.status, e.code, e.getMessage());
        }
    }

    private void route(Exchange ex, Tenant t, List<String> seg, boolean beta) {
        String root = seg.get(0);
        if (root.startsWith("servicePrincipals") && seg.size() >= 3 && seg.get(2).equals("synchronization")) {
            sync.handle(ex, t, seg);
        } else if (root.equals("auditLogs")) {
            sync.provisioningLogs(ex, t, seg);
        } else if (root.startsWith("applicationTemplates") || root.startsWith("applications")
                || root.startsWith("servicePrincipals")) {
            apps.handle(ex, t, seg);
        } else if (Set.of("subscribedSkus", "organization", "users", "groups").contains(root)) {
            directory.handle(ex, t, seg, beta);
        } else {
            throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + root + "'.");
        }
        if (!ex.answered()) {
            throw new GraphError(405, "Request_BadRequest", "The requested method " + ex.method
                    + " is not supported on '" + String.join("/", seg) + "'.");
        }
    }

    /** Returns the tid of a valid Graph token or throws the 401 Graph answers. */
    private String authenticate(Exchange ex) {
        String token = ex.bearer();
        if (token == null || token.isEmpty()) {
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
        }
        String[] parts = token.split("\\.", -1);
        JsonNode claims;
        try {
            if (parts.length < 2) {
                throw new IllegalArgumentException("not a JWT");
            }
            claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new GraphError(401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed.");
        }
        if (!GRAPH_AUDIENCES.contains(claims.path("aud").asText())) {
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        }
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
            throw new GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
        }
        String tid = claims.path("tid").asText();
        ex.callerAppId = claims.path("appid").asText(claims.path("azp").asText("unknown-app"));
        synchronized (state) {
            if (!state.tenants.containsKey(tid)) {
                throw new GraphError(401, "InvalidAuthenticationToken",
                        "Access token validation failure: unknown tenant '" + tid + "'.");
            }
        }
        return tid;
    }

    /** The Graph error envelope, with request-id and date as Graph adds them. */
    static void error(Exchange ex, int status, String code, String message) {
        ObjectNode body = Json.obj();
        ObjectNode err = body.putObject("error");
        err.put("code", code);
        err.put("message", message);
        ObjectNode inner = err.putObject("innerError");
        inner.put("date", Json.time(Instant.now()));
        inner.put("request-id", ex.requestId);
        inner.put("client-request-id", ex.header("client-request-id") == null ? ex.requestId : ex.header("client-request-id"));
        ex.respond(status, body);
    }
}
