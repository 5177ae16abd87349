package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox's own control API under /_sandbox, for local mode and Node/Playwright tests: state dump, fault
 * injection, and the NinjaOne human steps (enable SCIM for an organization, regenerate its token).
 */
final class ControlApi {

    private final Sandbox sandbox;

    ControlApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void handle(Exchange ex) {
        List<String> seg = ex.segments("/_sandbox");
        try {
            if (seg.equals(List.of("state")) && ex.method.equals("GET")) {
                ex.respond(200, sandbox.state().toJson());
            } else if (seg.equals(List.of("requests")) && ex.method.equals("GET")) {
                ex.respond(200, Json.MAPPER.valueToTree(sandbox.requests()));
            } else if (seg.equals(List.of("faults")) && ex.method.equals("POST")) {
                faults(ex.json());
                ex.noContent();
            } else if (seg.size() == 2 && seg.get(0).equals("graph-token") && ex.method.equals("GET")) {
                ex.respond(200, Json.obj().put("access_token", sandbox.graphToken(seg.get(1))));
            } else if (seg.size() >= 4 && seg.subList(0, 2).equals(List.of("ninjaone", "organizations"))
                    && seg.get(3).equals("scim") && ex.method.equals("POST")) {
                long org = Long.parseLong(seg.get(2));
                var idp = seg.size() == 5 && seg.get(4).equals("token")
                        ? sandbox.state().regenerateScimToken(org) : sandbox.state().enableScim(org);
                ex.respond(200, Json.obj().put("id", idp.id()).put("organizationId", idp.organizationId())
                        .put("scimBaseUrl", idp.scimBaseUrl()).put("token", idp.token())
                        .put("tokenIssuedAt", idp.tokenIssuedAt().toString())
                        .put("tokenExpiresAt", idp.tokenExpiresAt().toString()));
            } else if (seg.size() == 4 && seg.subList(0, 2).equals(List.of("ninjaone", "organizations"))
                    && seg.get(3).equals("identity-provider") && ex.method.equals("POST")) {
                var idp = sandbox.state().addIdentityProvider(Long.parseLong(seg.get(2)), Json.text(ex.json(), "displayName"));
                ex.respond(200, Json.obj().put("id", idp.id()).put("displayName", idp.displayName())
                        .put("entityId", idp.entityId()).put("replyUrl", idp.replyUrl()));
            } else if (seg.size() == 4 && seg.subList(0, 2).equals(List.of("ninjaone", "organizations"))
                    && seg.get(3).equals("saml-test") && ex.method.equals("POST")) {
                var problems = sandbox.state().testSamlConnection(Long.parseLong(seg.get(2)), Json.text(ex.json(), "metadataUrl"));
                ex.respond(200, Json.obj().put("passed", problems.isEmpty()).set("problems", Json.MAPPER.valueToTree(problems)));
            } else {
                ex.respond(404, Json.obj().put("error", "unknown sandbox control " + ex.method + " " + ex.path));
            }
        } catch (IllegalArgumentException e) {
            ex.respond(400, Json.obj().put("error", e.getMessage()));
        }
    }

    private void faults(ObjectNode body) {
        Faults f = sandbox.faults();
        if (body.path("reset").asBoolean(false)) {
            f.reset();
        }
        JsonNode fail = body.path("failNext");
        if (fail.isObject()) {
            f.failNext(fail.path("count").asInt(1), fail.path("pathRegex").asText(".*"), fail.path("status").asInt(429));
        }
        if (body.has("latencyMillis")) {
            f.latency(Duration.ofMillis(body.path("latencyMillis").asLong()));
        }
        if (body.has("replicationDelayGets")) {
            f.replicationDelay(body.path("replicationDelayGets").asInt());
        }
    }
}
