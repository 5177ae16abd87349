package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated Entra provisioning service: works out the users in scope (assigned directly or through groups,
 * SyncAll=false), computes their SCIM resources from the job schema's mappings and really sends them over HTTP
 * to the saved BaseAddress with the SecretToken. A 401 from the target quarantines the job.
 */
final class ProvisioningEngine {

    /** One user to export, worked out under the state lock. */
    private record Export(String userId, String upn, String displayName, String matchValue, ObjectNode resource,
                          String knownScimId, String error) { }

    /** Everything a cycle needs, copied out of the state so no lock is held during HTTP calls. */
    private record Plan(String baseAddress, String token, List<Export> exports, Map<String, String> outOfScope,
                        String spId, String spName) { }

    /** The outcome of one export call. */
    private record Result(Export export, String action, int status, String scimId, String error) { }

    private final SandboxState state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Deque<Instant>> onDemandCalls = new HashMap<>();

    ProvisioningEngine(SandboxState state) {
        this.state = state;
    }

    /** Like Entra's "test connection": GET /Users?filter=... on the target with the token; a 401 fails it. */
    void validateCredentials(Map<String, String> creds) {
        String base = creds.get("BaseAddress");
        String token = creds.get("SecretToken");
        if (base == null || base.isBlank() || token == null || token.isBlank()) {
            throw new GraphError(400, "BadRequest", "Credentials are incomplete: BaseAddress and SecretToken are required.");
        }
        int status = send("GET", base + "/Users?filter=" + enc("userName eq \"" + state.newId() + "\""), token, null).status;
        if (status == 401 || status == 403) {
            throw new GraphError(400, "BadRequest", "You appear to have entered invalid credentials. The SCIM endpoint "
                    + "answered HTTP " + status + " (Unauthorized) to the test request.");
        }
        if (status < 200 || status >= 300) {
            throw new GraphError(400, "BadRequest", "The SCIM endpoint answered HTTP " + status + " to the test request.");
        }
    }

    void runCycleIfActive(String tenantId, String jobId) {
        Plan plan;
        synchronized (state) {
            SyncJob job = state.tenant(tenantId).jobs.get(jobId);
            if (!job.scheduleState.equals("Active") || job.statusCode.equals("Quarantine")) {
                return;
            }
            plan = plan(state.tenant(tenantId), job, null);
        }
        Instant began = Instant.now();
        List<Result> results = new ArrayList<>();
        boolean unauthorized = false;
        for (Export e : plan.exports()) {
            Result r = export(plan, e);
            results.add(r);
            if (r.status() == 401) {
                unauthorized = true;
                break;
            }
        }
        if (!unauthorized) {
            for (var gone : plan.outOfScope().entrySet()) {
                Export e = new Export(gone.getKey(), gone.getKey(), gone.getKey(), null, null, gone.getValue(), null);
                Result r = disable(plan, e);
                results.add(r);
            }
        }
        synchronized (state) {
            Tenant t = state.tenant(tenantId);
            SyncJob job = t.jobs.get(jobId);
            if (job == null) {
                return;
            }
            String cycleId = state.newId();
            results.forEach(r -> record(t, job, plan, r, cycleId));
            finishCycle(job, results, unauthorized, began);
        }
    }

    /** provisionOnDemand: one user, whatever the schedule; answers the stringKeyStringValuePair Graph returns. */
    ObjectNode provisionOnDemand(String tenantId, String jobId, ObjectNode body) {
        JsonNode param = body.path("parameters").path(0);
        JsonNode subject = param.path("subjects").path(0);
        String userId = subject.path("objectId").asText(null);
        Plan plan;
        synchronized (state) {
            throttle(jobId);
            Tenant t = state.tenant(tenantId);
            SyncJob job = t.jobs.get(jobId);
            String ruleId = job.schema.path("synchronizationRules").path(0).path("id").asText();
            if (!ruleId.equals(param.path("ruleId").asText())) {
                throw new GraphError(400, "BadRequest", "The ruleId '" + param.path("ruleId").asText()
                        + "' does not match a synchronization rule of the job schema.");
            }
            if (userId == null || !"User".equalsIgnoreCase(subject.path("objectTypeName").asText())
                    || !t.users.containsKey(userId)) {
                throw new GraphError(400, "BadRequest", "The subject must be an existing user (objectTypeName 'User').");
            }
            plan = plan(t, job, userId);
        }
        ObjectNode key = Json.obj();
        ObjectNode value = Json.obj();
        if (plan.baseAddress() == null || plan.token() == null) {
            throw new GraphError(400, "BadRequest", "Admin credentials are not saved for this application.");
        }
        Result r;
        if (plan.exports().isEmpty()) {
            key.put("result", "Skipped");
            key.putObject("details").put("errorCode", "NotEffectivelyEntitled").put("errorMessage",
                    "The user is not in scope: not assigned to the application (directly or through a group).");
            value.put("action", "Other");
        } else {
            r = export(plan, plan.exports().get(0));
            boolean ok = r.status() >= 200 && r.status() < 300;
            key.put("result", ok ? "Success" : "Failure");
            ObjectNode details = key.putObject("details");
            if (!ok) {
                details.put("errorCode", r.status() == 401 ? "ScimUnauthorized" : "ScimEndpointRejected");
                details.put("errorMessage", r.error());
            }
            value.put("action", capitalize(r.action()));
            value.set("modifiedProperties", modified(plan.exports().get(0).resource()));
            value.putObject("targetIdentity").put("id", r.scimId()).put("identityType", SchemaTemplate.USER_OBJECT);
            synchronized (state) {
                Tenant t = state.tenant(tenantId);
                SyncJob job = t.jobs.get(jobId);
                record(t, job, plan, r, state.newId());
            }
        }
        value.putObject("statusInfo").put("status", key.path("result").asText());
        value.putObject("sourceIdentity").put("id", userId).put("identityType", "User");
        value.putObject("sourceSystem").put("name", SchemaTemplate.SOURCE);
        value.putObject("targetSystem").put("name", SchemaTemplate.TARGET);
        value.putArray("provisioningSteps").addObject().put("name", "EntryExportAdd")
                .put("type", "Export").put("status", key.path("result").asText());
        ObjectNode out = Json.obj();
        out.put("@odata.type", "#microsoft.graph.stringKeyStringValuePair");
        out.put("key", key.toString());
        out.put("value", value.toString());
        return out;
    }

    private void throttle(String jobId) {
        Deque<Instant> calls = onDemandCalls.computeIfAbsent(jobId, k -> new ArrayDeque<>());
        Instant now = Instant.now();
        while (!calls.isEmpty() && calls.peekFirst().isBefore(now.minusSeconds(10))) {
            calls.removeFirst();
        }
        if (calls.size() >= 5) {
            throw new GraphError(429, "TooManyRequests", "provisionOnDemand allows 5 requests per 10 seconds.");
        }
        calls.addLast(now);
    }

    /** Users in scope with their SCIM resources; {@code onlyUser} limits the plan to one user (on demand). */
    private Plan plan(Tenant t, SyncJob job, String onlyUser) {
        ObjectNode sp = t.servicePrincipals.get(job.servicePrincipalId);
        Map<String, String> secrets = t.secrets.getOrDefault(job.servicePrincipalId, Map.of());
        Map<String, String> roleValues = new HashMap<>();
        sp.path("appRoles").forEach(r -> roleValues.put(r.path("id").asText().toLowerCase(), Json.text(r, "value")));
        Map<String, List<String>> scope = new LinkedHashMap<>();
        if ("true".equalsIgnoreCase(secrets.get("SyncAll"))) {
            t.users.keySet().forEach(id -> scope.put(id, new ArrayList<>()));
        }
        for (ObjectNode a : t.appRoleAssignedTo.getOrDefault(job.servicePrincipalId, List.of())) {
            String principal = a.path("principalId").asText();
            String role = roleValues.get(a.path("appRoleId").asText().toLowerCase());
            List<String> userIds = t.groups.containsKey(principal)
                    ? GraphDirectory.memberIds(t, t.groups.get(principal)) : List.of(principal);
            for (String u : userIds) {
                List<String> roles = scope.computeIfAbsent(u, k -> new ArrayList<>());
                if (role != null && !roles.contains(role)) {
                    roles.add(role);
                }
            }
        }
        JsonNode mapping = SchemaTemplate.userMapping(job.schema);
        List<Export> exports = new ArrayList<>();
        for (var e : scope.entrySet()) {
            if (onlyUser != null && !onlyUser.equals(e.getKey())) {
                continue;
            }
            ObjectNode user = t.users.get(e.getKey());
            if (user != null) {
                exports.add(exportOf(user, e.getValue(), mapping, job.exported.get(e.getKey())));
            }
        }
        Map<String, String> outOfScope = new LinkedHashMap<>();
        if (onlyUser == null) {
            job.exported.forEach((userId, scimId) -> {
                if (!scope.containsKey(userId)) {
                    outOfScope.put(userId, scimId);
                }
            });
        }
        return new Plan(secrets.get("BaseAddress"), secrets.get("SecretToken"), exports, outOfScope,
                sp.path("id").asText(), sp.path("displayName").asText());
    }

    private static Export exportOf(ObjectNode user, List<String> roles, JsonNode mapping, String knownScimId) {
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        user.properties().forEach(p -> attrs.put(p.getKey(), p.getValue()));
        attrs.put("objectId", user.path("id"));
        attrs.put("IsSoftDeleted", Json.MAPPER.getNodeFactory().booleanNode(false));
        attrs.put("appRoleAssignments", Json.MAPPER.valueToTree(roles));
        ObjectNode resource = Json.obj();
        resource.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        String matchValue = null;
        try {
            for (JsonNode am : mapping.path("attributeMappings")) {
                String target = am.path("targetAttributeName").asText();
                String v = SyncExpression.evaluate(am.path("source"), attrs);
                if (v == null && am.hasNonNull("defaultValue")) {
                    v = am.path("defaultValue").asText();
                }
                if (am.path("matchingPriority").asInt() == 1) {
                    matchValue = v;
                }
                if (v != null) {
                    ScimResource.set(resource, target, v);
                }
            }
        } catch (RuntimeException ex) {
            return new Export(user.path("id").asText(), Json.text(user, "userPrincipalName"),
                    Json.text(user, "displayName"), null, null, knownScimId, "Expression evaluation failed: " + ex.getMessage());
        }
        return new Export(user.path("id").asText(), Json.text(user, "userPrincipalName"), Json.text(user, "displayName"),
                matchValue, resource, knownScimId, null);
    }

    private Result export(Plan plan, Export e) {
        if (e.error() != null) {
            return new Result(e, "other", 0, null, e.error());
        }
        if (plan.baseAddress() == null || plan.token() == null) {
            return new Result(e, "other", 0, null, "Admin credentials are not saved for this application.");
        }
        String scimId = e.knownScimId();
        if (e.matchValue() != null) {
            Response found = send("GET", plan.baseAddress() + "/Users?filter="
                    + enc("userName eq \"" + e.matchValue() + "\""), plan.token(), null);
            if (found.status == 401) {
                return new Result(e, "other", 401, null, found.error());
            }
            JsonNode hit = found.body == null ? null : found.body.path("Resources").path(0);
            scimId = hit == null || hit.isMissingNode() ? null : hit.path("id").asText();
        }
        Response r;
        String action;
        if (scimId == null) {
            action = "create";
            r = send("POST", plan.baseAddress() + "/Users", plan.token(), e.resource());
            scimId = r.body == null ? null : Json.text(r.body, "id");
        } else {
            action = "update";
            ObjectNode patch = Json.obj();
            patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
            ObjectNode value = e.resource().deepCopy();
            value.remove("schemas");
            patch.putArray("Operations").addObject().put("op", "Replace").set("value", value);
            r = send("PATCH", plan.baseAddress() + "/Users/" + scimId, plan.token(), patch);
        }
        return new Result(e, action, r.status, scimId, r.error());
    }

    private Result disable(Plan plan, Export e) {
        ObjectNode patch = Json.obj();
        patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        patch.putArray("Operations").addObject().put("op", "Replace").put("path", "active").put("value", false);
        Response r = send("PATCH", plan.baseAddress() + "/Users/" + e.knownScimId(), plan.token(), patch);
        return new Result(e, "disable", r.status, e.knownScimId(), r.error());
    }

    private void record(Tenant t, SyncJob job, Plan plan, Result r, String cycleId) {
        boolean ok = r.status() >= 200 && r.status() < 300;
        if (ok && r.action().equals("create") && r.scimId() != null) {
            job.exported.put(r.export().userId(), r.scimId());
        } else if (ok && r.action().equals("disable")) {
            job.exported.remove(r.export().userId());
        } else if (ok && r.scimId() != null) {
            job.exported.put(r.export().userId(), r.scimId());
        }
        ObjectNode log = Json.obj();
        log.put("id", state.newId());
        log.put("activityDateTime", Instant.now().toString());
        log.put("changeId", state.newId());
        log.put("cycleId", cycleId);
        log.put("durationInMilliseconds", 120);
        log.putObject("initiatedBy").put("id", "").put("displayName", "Azure AD Provisioning Service")
                .put("initiatorType", "system");
        log.put("jobId", job.id);
        log.set("modifiedProperties", modified(r.export().resource()));
        log.put("provisioningAction", r.action());
        ObjectNode status = log.putObject("provisioningStatusInfo");
        status.put("status", ok ? "success" : "failure");
        if (!ok) {
            status.putObject("errorInformation")
                    .put("errorCode", r.status() == 401 ? "ScimUnauthorized" : "ScimEndpointRejected")
                    .put("errorCategory", r.status() == 401 ? "nonServiceFailure" : "failure")
                    .put("reason", r.status() == 401 ? "invalid credentials: the SCIM endpoint answered HTTP 401 "
                            + "(Unauthorized). Check the Secret Token." : r.error())
                    .put("recommendedAction", r.status() == 401 ? "Update the Secret Token and test the connection."
                            : "Check the attribute values sent to the target.")
                    .putNull("additionalDetails");
        }
        ArrayNode steps = log.putArray("provisioningSteps");
        steps.addObject().put("name", "EntryExport").put("provisioningStepType", "export")
                .put("status", ok ? "success" : "failure").put("description", ok ? capitalize(r.action()) + " in "
                        + SchemaTemplate.TARGET : "Export to " + SchemaTemplate.TARGET + " failed: " + r.error());
        log.putObject("servicePrincipal").put("id", plan.spId()).put("displayName", plan.spName());
        ObjectNode src = log.putObject("sourceIdentity");
        src.put("id", r.export().userId()).put("displayName", r.export().displayName()).put("identityType", "User");
        src.putObject("details").put("UserPrincipalName", r.export().upn());
        log.putObject("sourceSystem").put("id", "").put("displayName", SchemaTemplate.SOURCE);
        log.putObject("targetIdentity").put("id", r.scimId()).put("displayName", r.export().upn())
                .put("identityType", SchemaTemplate.USER_OBJECT);
        log.putObject("targetSystem").put("id", "").put("displayName", SchemaTemplate.TARGET);
        t.provisioningLogs.add(log);
    }

    private void finishCycle(SyncJob job, List<Result> results, boolean unauthorized, Instant began) {
        Instant now = Instant.now();
        long exported = results.stream().filter(r -> r.status() >= 200 && r.status() < 300).count();
        boolean errors = results.stream().anyMatch(r -> r.status() < 200 || r.status() >= 300);
        ObjectNode exec = Json.obj();
        exec.put("activityIdentifier", state.newId());
        exec.put("countEntitled", results.size());
        exec.put("countEntitledForProvisioning", results.size());
        exec.put("countEscrowed", unauthorized ? results.size() : 0);
        exec.put("countEscrowedRaw", unauthorized ? results.size() : 0);
        exec.put("countExported", exported);
        exec.put("countExports", exported);
        exec.put("countImported", results.size());
        exec.put("countImportedDeltas", results.size());
        exec.put("countImportedReferenceDeltas", 0);
        exec.put("state", unauthorized ? "Failed" : errors ? "EntryLevelErrors" : "Succeeded");
        exec.put("timeBegan", Json.time(began));
        exec.put("timeEnded", Json.time(now));
        if (unauthorized) {
            ObjectNode err = quarantineError();
            exec.set("error", err);
            job.countSuccessiveCompleteFailures++;
            ObjectNode q = job.quarantine == null ? Json.obj() : job.quarantine;
            if (job.quarantine == null) {
                q.put("seriesBegan", Json.time(now));
                q.put("seriesCount", 0);
            }
            q.put("currentBegan", Json.time(now));
            q.put("nextAttempt", Json.time(now.plus(Duration.ofHours(6))));
            q.put("reason", "EncounteredQuarantineException");
            q.put("seriesCount", q.path("seriesCount").asInt() + 1);
            q.set("error", err);
            job.quarantine = q;
            job.statusCode = "Quarantine";
        } else {
            exec.putNull("error");
            job.quarantine = null;
            job.countSuccessiveCompleteFailures = 0;
            job.statusCode = job.scheduleState.equals("Active") ? "Active" : job.statusCode;
            job.lastSuccessfulExecution = exec;
            if (job.steadyStateFirstAchievedTime == null) {
                job.steadyStateFirstAchievedTime = now;
            }
            job.steadyStateLastAchievedTime = now;
        }
        job.lastExecution = exec;
    }

    static ObjectNode quarantineError() {
        return Json.obj().put("code", "ScimUnauthorized").put("message", "You appear to have entered invalid "
                + "credentials: the SCIM endpoint answered HTTP 401 (Unauthorized). Update the Secret Token in Admin "
                + "Credentials and restart provisioning.").put("tenantActionable", true);
    }

    private static ArrayNode modified(ObjectNode resource) {
        ArrayNode out = Json.arr();
        if (resource != null) {
            ScimResource.flatten(resource).forEach((k, v) -> out.addObject().put("displayName", k)
                    .put("oldValue", (String) null).put("newValue", v));
        }
        return out;
    }

    private record Response(int status, JsonNode body, String error) { }

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

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
