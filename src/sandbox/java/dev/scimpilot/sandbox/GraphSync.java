package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** servicePrincipals/{id}/synchronization: templates, jobs, secrets, schema, parseExpression; and provisioning logs. */
final class GraphSync {

    private final SandboxState state;
    private final ProvisioningEngine engine;

    GraphSync(SandboxState state, ProvisioningEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    /** Everything that does not call the SCIM endpoint; runs under the state lock. */
    void handle(Exchange ex, Tenant t, List<String> seg) {
        String spId = seg.get(1);
        ObjectNode sp = servicePrincipal(t, spId);
        List<String> rest = seg.subList(3, seg.size());
        String m = ex.method;
        if (rest.equals(List.of("templates")) && m.equals("GET")) {
            ObjectNode out = Json.obj();
            ObjectNode tpl = out.putArray("value").addObject();
            tpl.put("id", "scim");
            tpl.put("applicationId", sp.path("appId").asText());
            tpl.put("default", true);
            tpl.put("description", "SCIM 2.0 provisioning to a non-gallery application");
            tpl.put("discoverable", true);
            tpl.put("factoryTag", "scim");
            tpl.putArray("metadata");
            tpl.set("schema", SchemaTemplate.scim(ruleId(spId)));
            ex.respond(200, out);
        } else if (rest.size() == 4 && rest.get(0).equals("templates") && rest.get(3).equals("parseExpression") && m.equals("POST")) {
            ex.respond(200, parseExpression(ex.json()));
        } else if (rest.equals(List.of("secrets"))) {
            if (m.equals("PUT")) {
                saveSecrets(t, spId, ex.json());
                ex.noContent();
            } else {
                throw new GraphError(405, "BadRequest", "The secrets of a synchronization can only be replaced (PUT) in v1.0.");
            }
        } else if (rest.equals(List.of("jobs"))) {
            OData q = new OData(ex, state.baseUrl);
            if (m.equals("GET")) {
                List<ObjectNode> jobs = t.jobs.values().stream().filter(j -> j.servicePrincipalId.equals(spId))
                        .map(SyncJob::toJson).toList();
                ex.respond(200, q.collection("servicePrincipals('" + spId + "')/synchronization/jobs", jobs, 100, 999, null));
            } else if (m.equals("POST")) {
                ex.respond(201, createJob(t, sp, ex.json()).toJson());
            }
        } else if (rest.size() >= 2 && rest.get(0).equals("jobs")) {
            SyncJob job = job(t, spId, rest.get(1));
            jobResource(ex, t, job, rest.subList(2, rest.size()));
        }
    }

    private void jobResource(Exchange ex, Tenant t, SyncJob job, List<String> rest) {
        String m = ex.method;
        if (rest.isEmpty()) {
            if (m.equals("GET")) {
                ex.respond(200, job.toJson());
            } else if (m.equals("DELETE")) {
                t.jobs.remove(job.id);
                ex.noContent();
            }
        } else if (rest.equals(List.of("pause")) && m.equals("POST")) {
            job.scheduleState = "Paused";
            job.statusCode = job.statusCode.equals("Quarantine") ? "Quarantine" : "Paused";
            ex.noContent();
        } else if (rest.equals(List.of("schema"))) {
            if (m.equals("GET")) {
                ex.respond(200, job.schema);
            } else if (m.equals("PUT")) {
                job.schema = validSchema(ex.json(), job.schema);
                ex.noContent();
            } else if (m.equals("PATCH")) {
                // what the real service answers to the SDK's PATCH (graph-api.md 6d)
                throw new GraphError(404, "BadRequest", "No HTTP resource was found that matches the request URI "
                        + "'https://syncfabric.windowsazure.com/api/servicePrincipals/" + job.servicePrincipalId
                        + "/synchronization/jobs/" + job.id + "/schema?api-version=2.0'.");
            }
        } else if (rest.equals(List.of("schema", "functions")) && m.equals("GET")) {
            ex.respond(200, SyncExpression.functions());
        } else if (rest.equals(List.of("schema", "parseExpression")) && m.equals("POST")) {
            ex.respond(200, parseExpression(ex.json()));
        }
    }

    /** start, restart, provisionOnDemand and validateCredentials: they talk to the SCIM endpoint outside the lock. */
    void handleOutbound(Exchange ex, String tenantId, List<String> seg) {
        String spId = seg.get(1);
        String action = seg.get(seg.size() - 1);
        ObjectNode body = ex.json();
        if (seg.size() == 5 && seg.get(4).equals("validateCredentials")) {
            Map<String, String> creds;
            synchronized (state) {
                servicePrincipal(state.tenant(tenantId), spId);
                creds = credentials(body.path("credentials"));
            }
            engine.validateCredentials(creds);
            ex.noContent();
            return;
        }
        if (seg.size() != 6 || !seg.get(3).equals("jobs")) {
            throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + action + "'.");
        }
        String jobId = seg.get(4);
        Map<String, String> creds;
        synchronized (state) {
            Tenant t = state.tenant(tenantId);
            servicePrincipal(t, spId);
            SyncJob job = job(t, spId, jobId);
            creds = new HashMap<>(t.secrets.getOrDefault(spId, Map.of()));
            if (action.equals("start")) {
                job.scheduleState = "Active";
                if (!job.statusCode.equals("Quarantine")) {
                    job.statusCode = "Active";
                }
            } else if (action.equals("restart")) {
                String scope = body.path("criteria").path("resetScope").asText("");
                if (scope.contains("QuarantineState") || scope.contains("Full")) {
                    job.quarantine = null;
                    job.countSuccessiveCompleteFailures = 0;
                    job.statusCode = job.scheduleState.equals("Active") ? "Active" : "Paused";
                }
                if (scope.contains("Full") || scope.contains("Watermark")) {
                    job.exported.clear();
                }
            }
        }
        switch (action) {
            case "validateCredentials" -> {
                engine.validateCredentials(body.path("useSavedCredentials").asBoolean(false) ? creds
                        : credentials(body.path("credentials")));
                ex.noContent();
            }
            case "start", "restart" -> {
                engine.runCycleIfActive(tenantId, jobId);
                ex.noContent();
            }
            case "provisionOnDemand" -> ex.respond(200, engine.provisionOnDemand(tenantId, jobId, body));
            default -> throw new GraphError(400, "BadRequest", "Unknown action " + action);
        }
    }

    void provisioningLogs(Exchange ex, Tenant t, List<String> seg) {
        if (!seg.equals(List.of("auditLogs", "provisioning")) || !ex.method.equals("GET")) {
            return;
        }
        if (!t.hasServicePlan(GraphDirectory.AAD_PREMIUM) && !t.hasServicePlan(GraphDirectory.AAD_PREMIUM_P2)) {
            throw new GraphError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license");
        }
        OData q = new OData(ex, state.baseUrl);
        var match = q.predicate(Set.of("jobId", "servicePrincipal/id", "cycleId", "provisioningAction", "id",
                "activityDateTime gt", "activityDateTime lt")); // graph-api.md: eq, contains, gt, lt
        List<ObjectNode> logs = t.provisioningLogs.stream().filter(match)
                .sorted(Comparator.comparing((ObjectNode l) -> l.path("activityDateTime").asText()).reversed()).toList();
        ex.respond(200, q.collection("auditLogs/provisioning", logs, 50, 1000, null));
    }

    static ObjectNode parseExpression(ObjectNode body) {
        ObjectNode out = Json.obj();
        ObjectNode parsed;
        try {
            parsed = SyncExpression.parse(Json.text(body, "expression"));
        } catch (SyncExpression.ParseException e) {
            out.put("parsingSucceeded", false);
            out.putNull("parsedExpression");
            out.put("evaluationSucceeded", false);
            out.putNull("evaluationResult");
            out.putObject("error").put("code", "ExpressionParsingFailed").put("message", e.getMessage());
            return out;
        }
        out.put("parsingSucceeded", true);
        out.set("parsedExpression", parsed);
        JsonNode input = body.path("testInputObject");
        if (input.isObject()) {
            Map<String, JsonNode> attrs = new LinkedHashMap<>();
            input.path("properties").forEach(p -> attrs.put(p.path("key").asText(), p.path("value")));
            try {
                String result = SyncExpression.evaluate(parsed, attrs);
                out.put("evaluationSucceeded", true);
                out.putArray("evaluationResult").add(result);
                out.putNull("error");
            } catch (RuntimeException e) {
                out.put("evaluationSucceeded", false);
                out.putNull("evaluationResult");
                out.putObject("error").put("code", "ExpressionEvaluationFailed").put("message", e.getMessage());
            }
        } else {
            out.put("evaluationSucceeded", false);
            out.putNull("evaluationResult");
            out.putNull("error");
        }
        return out;
    }

    private SyncJob createJob(Tenant t, ObjectNode sp, ObjectNode body) {
        String template = Json.text(body, "templateId");
        if (!"scim".equals(template)) {
            throw new GraphError(400, "BadRequest", "templateId '" + template + "' must match one of the templates "
                    + "created for this application/service principal (scim).");
        }
        String spId = sp.path("id").asText();
        String id = "scim." + state.randomToken(16) + "." + t.id;
        SyncJob job = new SyncJob(id, spId, template, SchemaTemplate.scim(ruleId(spId)));
        if (t.secrets.containsKey(spId)) {
            job.statusCode = "NotRun";
        }
        t.jobs.put(id, job);
        return job;
    }

    private static void saveSecrets(Tenant t, String spId, ObjectNode body) {
        Map<String, String> secrets = credentials(body.path("value"));
        t.secrets.put(spId, secrets);
        t.jobs.values().stream().filter(j -> j.servicePrincipalId.equals(spId) && j.statusCode.equals("NotConfigured"))
                .forEach(j -> j.statusCode = "NotRun");
    }

    /** key/value pairs as the service reads them; the keys are the PascalCase enum names. */
    private static Map<String, String> credentials(JsonNode pairs) {
        if (!pairs.isArray()) {
            throw new GraphError(400, "BadRequest", "A list of credentials ({key, value}) is required.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode p : pairs) {
            String key = p.path("key").asText();
            if (!key.matches("[A-Z][A-Za-z0-9]*")) {
                throw new GraphError(400, "BadRequest", "Requested value '" + key + "' was not found.");
            }
            out.put(key, p.path("value").isNull() ? null : p.path("value").asText());
        }
        return out;
    }

    /** PUT replaces the whole schema, so a body without directories or rules would wipe the configuration. */
    private static ObjectNode validSchema(ObjectNode in, ObjectNode current) {
        if (!in.path("directories").isArray() || in.path("directories").isEmpty()
                || !in.path("synchronizationRules").isArray() || in.path("synchronizationRules").isEmpty()) {
            throw new GraphError(400, "BadRequest", "The schema must contain 'directories' and 'synchronizationRules': "
                    + "PUT replaces the whole schema (a client that sends only changed properties loses the rest).");
        }
        Map<String, Set<String>> targetAttributes = new HashMap<>();
        for (JsonNode dir : in.path("directories")) {
            for (JsonNode obj : dir.path("objects")) {
                Set<String> names = new HashSet<>();
                obj.path("attributes").forEach(a -> names.add(a.path("name").asText().toLowerCase()));
                targetAttributes.put(dir.path("name").asText() + "|" + obj.path("name").asText(), names);
            }
        }
        for (JsonNode rule : in.path("synchronizationRules")) {
            for (JsonNode om : rule.path("objectMappings")) {
                String key = rule.path("targetDirectoryName").asText() + "|" + om.path("targetObjectName").asText();
                Set<String> names = targetAttributes.getOrDefault(key, Set.of());
                for (JsonNode am : om.path("attributeMappings")) {
                    String target = am.path("targetAttributeName").asText();
                    if (!names.contains(target.toLowerCase())) {
                        throw new GraphError(400, "BadRequest", "Attribute '" + target + "' is not defined on object '"
                                + om.path("targetObjectName").asText() + "' of directory '"
                                + rule.path("targetDirectoryName").asText() + "'. Add it to the directory first.");
                    }
                    if (!am.path("source").path("type").isTextual()) {
                        throw new GraphError(400, "BadRequest", "The mapping to '" + target + "' has no source.");
                    }
                }
            }
        }
        ObjectNode stored = in.deepCopy();
        stored.put("id", current.path("id").asText("scim"));
        stored.put("version", current.path("version").asText() + "+1");
        return stored;
    }

    private static ObjectNode servicePrincipal(Tenant t, String spId) {
        ObjectNode sp = t.servicePrincipals.get(spId);
        if (sp == null) {
            throw GraphError.notFound(spId);
        }
        GraphApps.checkReplicated(t, spId);
        return sp;
    }

    private static SyncJob job(Tenant t, String spId, String jobId) {
        SyncJob job = t.jobs.get(jobId);
        if (job == null || !job.servicePrincipalId.equals(spId)) {
            throw new GraphError(404, "NotFound", "The synchronization job '" + jobId + "' was not found.");
        }
        return job;
    }

    /** A stable rule id per service principal, like the GUIDs the real templates carry. */
    static String ruleId(String spId) {
        return "03f7d90d-bf71-41b1-bda6-" + String.format("%012x", Math.abs((long) spId.hashCode()));
    }
}
