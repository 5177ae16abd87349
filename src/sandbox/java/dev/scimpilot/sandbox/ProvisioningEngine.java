package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * SyncAll=false), and pushes them to the SCIM target. Plans are made under the state lock; HTTP calls happen
 * outside it, because the target (NinjaOne's SCIM endpoint) is served by this same sandbox.
 */
final class ProvisioningEngine {

    /** Everything a run needs, copied out of the state. */
    private record Plan(String baseAddress, String token, List<ScimExport> exports, Map<String, String> outOfScope,
                        ObjectNode servicePrincipal) { }

    private final SandboxState state;
    private final ScimTarget target = new ScimTarget();
    private final ProvisioningRecorder recorder;
    private final Map<String, Deque<Instant>> onDemandCalls = new HashMap<>();

    ProvisioningEngine(SandboxState state) {
        this.state = state;
        this.recorder = new ProvisioningRecorder(state);
    }

    /** validateCredentials: 204 if the target accepts the token, else a 400 naming the target's answer. */
    void validateCredentials(Map<String, String> creds) {
        String base = creds.get("BaseAddress");
        String token = creds.get("SecretToken");
        if (base == null || base.isBlank() || token == null || token.isBlank()) {
            throw new GraphError(400, "BadRequest", "Credentials are incomplete: BaseAddress and SecretToken are required.");
        }
        int status = target.probe(base, token, state.newId());
        if (status == 401 || status == 403) {
            throw new GraphError(400, "BadRequest", "You appear to have entered invalid credentials. The SCIM endpoint "
                    + "answered HTTP " + status + " (Unauthorized) to the test request.");
        }
        if (status < 200 || status >= 300) {
            throw new GraphError(400, "BadRequest", "The SCIM endpoint answered HTTP " + status + " to the test request.");
        }
    }

    /** One full cycle for an active, non-quarantined job; a 401 stops it and quarantines the job. */
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
        List<ScimTarget.Outcome> results = new ArrayList<>();
        boolean unauthorized = false;
        for (ScimExport e : plan.exports()) {
            ScimTarget.Outcome r = target.export(plan.baseAddress(), plan.token(), e);
            results.add(r);
            if (r.status() == 401) {
                unauthorized = true;
                break;
            }
        }
        if (!unauthorized) {
            plan.outOfScope().forEach((userId, scimId) ->
                    results.add(target.disable(plan.baseAddress(), plan.token(), ScimExport.leaving(userId, scimId))));
        }
        synchronized (state) {
            Tenant t = state.tenant(tenantId);
            SyncJob job = t.jobs.get(jobId);
            if (job != null) {
                String cycleId = state.newId();
                results.forEach(r -> recorder.record(t, job, plan.servicePrincipal(), r, cycleId));
                recorder.finishCycle(job, results, unauthorized, began);
            }
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
        if (plan.baseAddress() == null || plan.token() == null) {
            throw new GraphError(400, "BadRequest", "Admin credentials are not saved for this application.");
        }
        ObjectNode key = Json.obj();
        ObjectNode value = Json.obj();
        if (plan.exports().isEmpty()) {
            key.put("result", "Skipped");
            key.putObject("details").put("errorCode", "NotEffectivelyEntitled").put("errorMessage",
                    "The user is not in scope: not assigned to the application (directly or through a group).");
            value.put("action", "Other");
        } else {
            ScimTarget.Outcome r = target.export(plan.baseAddress(), plan.token(), plan.exports().get(0));
            key.put("result", r.ok() ? "Success" : "Failure");
            ObjectNode details = key.putObject("details");
            if (!r.ok()) {
                details.put("errorCode", r.status() == 401 ? "ScimUnauthorized" : "ScimEndpointRejected");
                details.put("errorMessage", r.error());
            }
            value.put("action", r.action().substring(0, 1).toUpperCase() + r.action().substring(1));
            value.set("modifiedProperties", ProvisioningRecorder.modifiedProperties(plan.exports().get(0).resource()));
            value.putObject("targetIdentity").put("id", r.scimId()).put("identityType", SchemaTemplate.USER_OBJECT);
            synchronized (state) {
                Tenant t = state.tenant(tenantId);
                recorder.record(t, t.jobs.get(jobId), plan.servicePrincipal(), r, state.newId());
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
        // Graph returns both halves as JSON text inside the strings
        out.put("key", key.toString());
        out.put("value", value.toString());
        return out;
    }

    /** provisionOnDemand's own limit: 5 requests per 10 seconds per job. */
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
        List<ScimExport> exports = new ArrayList<>();
        scope.forEach((userId, roles) -> {
            ObjectNode user = t.users.get(userId);
            if (user != null && (onlyUser == null || onlyUser.equals(userId))) {
                exports.add(ScimExport.of(user, roles, mapping, job.exported.get(userId)));
            }
        });
        Map<String, String> outOfScope = new LinkedHashMap<>();
        if (onlyUser == null) {
            job.exported.forEach((userId, scimId) -> {
                if (!scope.containsKey(userId)) {
                    outOfScope.put(userId, scimId);
                }
            });
        }
        return new Plan(secrets.get("BaseAddress"), secrets.get("SecretToken"), exports, outOfScope, sp.deepCopy());
    }
}
