package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** applicationTemplates/instantiate, applications, servicePrincipals and appRoleAssignedTo. */
final class GraphApps {

    static final String CUSTOM_APP_TEMPLATE = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";
    static final String MSIAM_ACCESS_ROLE = "b9632174-c057-4f7e-951b-be3adc52bfe6";
    private static final Pattern BY_APP_ID = Pattern.compile("(applications|servicePrincipals)\\(appId='([^']+)'\\)");

    private final SandboxState state;
    private final Faults faults;

    GraphApps(SandboxState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    void handle(Exchange ex, Tenant t, List<String> seg) {
        OData q = new OData(ex, state.baseUrl);
        String root = seg.get(0);
        Matcher byAppId = BY_APP_ID.matcher(root);
        if (byAppId.matches()) {
            Map<String, ObjectNode> coll = byAppId.group(1).equals("applications") ? t.applications : t.servicePrincipals;
            ObjectNode o = coll.values().stream().filter(x -> byAppId.group(2).equalsIgnoreCase(x.path("appId").asText()))
                    .findFirst().orElseThrow(() -> GraphError.notFound(byAppId.group(2)));
            List<String> rest = new ArrayList<>(seg);
            rest.set(0, byAppId.group(1));
            rest.add(1, o.path("id").asText());
            handle(ex, t, rest);
            return;
        }
        switch (root) {
            case "applicationTemplates" -> instantiate(ex, t, seg);
            case "applications" -> applications(ex, q, t, seg);
            case "servicePrincipals" -> servicePrincipals(ex, q, t, seg);
            default -> { }
        }
    }

    private void instantiate(Exchange ex, Tenant t, List<String> seg) {
        if (seg.size() != 3 || !seg.get(2).equals("instantiate") || !ex.method.equals("POST")) {
            return;
        }
        if (!seg.get(1).equals(CUSTOM_APP_TEMPLATE)) {
            throw GraphError.notFound(seg.get(1));
        }
        String name = Json.text(ex.json(), "displayName");
        if (name == null || name.isBlank()) {
            throw GraphError.badRequest("The displayName of the application is required.");
        }
        ObjectNode app = Json.obj();
        String appId = state.newId();
        app.put("id", state.newId());
        app.put("appId", appId);
        app.put("createdDateTime", Json.time(Instant.now()));
        app.put("displayName", name);
        app.putArray("identifierUris");
        app.put("signInAudience", "AzureADMyOrg");
        app.put("publisherDomain", t.domains.get(0));
        ArrayNode roles = app.putArray("appRoles");
        roles.add(role(MSIAM_ACCESS_ROLE, "msiam_access", "msiam_access", null, List.of("User")));
        roles.add(role(state.newId(), "User", "User", null, List.of("User")));
        ObjectNode sp = Json.obj();
        sp.put("id", state.newId());
        sp.put("accountEnabled", true);
        sp.put("appId", appId);
        sp.put("appDisplayName", name);
        sp.put("appOwnerOrganizationId", t.id);
        sp.put("appRoleAssignmentRequired", true);
        sp.put("displayName", name);
        sp.put("preferredSingleSignOnMode", (String) null);
        sp.put("servicePrincipalType", "Application");
        sp.putArray("servicePrincipalNames").add(appId);
        sp.putArray("tags").add("WindowsAzureActiveDirectoryCustomSingleSignOnApplication")
                .add("WindowsAzureActiveDirectoryIntegratedApp");
        sp.set("appRoles", roles.deepCopy());
        t.applications.put(app.path("id").asText(), app);
        t.servicePrincipals.put(sp.path("id").asText(), sp);
        // the calling app becomes owner, which Application.ReadWrite.OwnedBy relies on (UNVERIFIED for real Entra)
        ObjectNode owner = Json.obj().put("@odata.type", "#microsoft.graph.servicePrincipal")
                .put("id", java.util.UUID.nameUUIDFromBytes(ex.callerAppId.getBytes()).toString())
                .put("appId", ex.callerAppId).put("displayName", ex.callerAppId);
        t.owners.put(app.path("id").asText(), new ArrayList<>(List.of(owner)));
        t.owners.put(sp.path("id").asText(), new ArrayList<>(List.of(owner.deepCopy())));
        int delay = faults.replicationDelayGets();
        if (delay > 0) {
            t.replicationPending.put(app.path("id").asText(), delay);
            t.replicationPending.put(sp.path("id").asText(), delay);
        }
        ObjectNode out = Json.obj();
        out.put("@odata.context", state.baseUrl + "/graph/v1.0/$metadata#microsoft.graph.applicationServicePrincipal");
        out.set("application", app.deepCopy());
        out.set("servicePrincipal", sp.deepCopy());
        ex.respond(201, out);
    }

    /** A GET on an object that is still replicating answers 404, as Entra does right after instantiate. */
    static void checkReplicated(Tenant t, String id) {
        Integer left = t.replicationPending.get(id);
        if (left != null && left > 0) {
            t.replicationPending.put(id, left - 1);
            throw GraphError.notFound(id);
        }
    }

    private void applications(Exchange ex, OData q, Tenant t, List<String> seg) {
        if (seg.size() == 1 && ex.method.equals("GET")) {
            var match = q.predicate(Set.of("id", "displayName", "appId"));
            ex.respond(200, q.collection("applications", t.applications.values().stream().filter(match).toList(), 100, 999, null));
            return;
        }
        ObjectNode app = t.applications.get(seg.get(1));
        if (app == null) {
            throw GraphError.notFound(seg.get(1));
        }
        if (seg.size() == 3 && seg.get(2).equals("owners") && ex.method.equals("GET")) {
            ex.respond(200, q.collection("directoryObjects", t.owners.getOrDefault(seg.get(1), List.of()), 100, 999, null));
            return;
        }
        if (seg.size() != 2) {
            return;
        }
        if (ex.method.equals("GET")) {
            checkReplicated(t, seg.get(1));
            ex.respond(200, q.project(app, null));
        } else if (ex.method.equals("PATCH")) {
            ObjectNode patch = ex.json();
            if (patch.has("appRoles")) {
                replaceAppRoles(t, app, patch.path("appRoles"));
                patch.remove("appRoles");
            }
            for (String readOnly : List.of("id", "appId", "createdDateTime")) {
                if (patch.has(readOnly)) {
                    throw GraphError.badRequest("Property '" + readOnly + "' is read-only and cannot be set.");
                }
            }
            GraphSaml.checkApplicationPatch(t, app, patch);
            app.setAll(patch);
            ex.noContent();
        }
    }

    /** PATCH appRoles replaces the whole collection; an enabled role cannot disappear or change its value. */
    private void replaceAppRoles(Tenant t, ObjectNode app, JsonNode roles) {
        if (!roles.isArray()) {
            throw GraphError.badRequest("Invalid value specified for property 'appRoles' of resource 'Application'.");
        }
        Set<String> ids = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (JsonNode r : roles) {
            String id = Json.text(r, "id");
            String value = Json.text(r, "value");
            if (id == null || !id.matches("[0-9a-fA-F-]{36}") || !ids.add(id.toLowerCase())) {
                throw GraphError.badRequest("Each app role needs a unique GUID 'id'.");
            }
            if (value != null && (value.contains(" ") || !values.add(value))) {
                throw GraphError.badRequest("App role value '" + value + "' must be unique and contain no spaces.");
            }
            if (Json.text(r, "displayName") == null || !r.path("allowedMemberTypes").isArray()
                    || r.path("allowedMemberTypes").isEmpty()) {
                throw GraphError.badRequest("App role '" + id + "' needs displayName and allowedMemberTypes.");
            }
            for (JsonNode mt : r.path("allowedMemberTypes")) {
                if (!mt.asText().equals("User") && !mt.asText().equals("Application")) {
                    throw GraphError.badRequest("Invalid allowedMemberTypes value '" + mt.asText() + "'.");
                }
            }
        }
        for (JsonNode old : app.path("appRoles")) {
            if (!old.path("isEnabled").asBoolean()) {
                continue;
            }
            JsonNode kept = null;
            for (JsonNode r : roles) {
                if (old.path("id").asText().equalsIgnoreCase(r.path("id").asText())) {
                    kept = r;
                }
            }
            if (kept == null || !java.util.Objects.equals(Json.text(kept, "value"), Json.text(old, "value"))) {
                throw new GraphError(400, "CannotDeleteOrUpdateEnabledEntitlement", "Property  value cannot be "
                        + "deleted or updated unless it is disabled first.");
            }
        }
        ArrayNode stored = Json.arr();
        for (JsonNode r : roles) {
            ObjectNode c = r.deepCopy();
            c.remove("@odata.type");
            if (!c.has("origin")) {
                c.put("origin", "Application");
            }
            if (!c.has("isEnabled")) {
                c.put("isEnabled", true);
            }
            stored.add(c);
        }
        app.set("appRoles", stored);
        // app -> service principal sync (Entra does this shortly after; the sandbox at once)
        t.servicePrincipals.values().stream().filter(sp -> sp.path("appId").asText().equals(app.path("appId").asText()))
                .forEach(sp -> sp.set("appRoles", stored.deepCopy()));
    }

    private void servicePrincipals(Exchange ex, OData q, Tenant t, List<String> seg) {
        if (seg.size() == 1 && ex.method.equals("GET")) {
            var match = q.predicate(Set.of("id", "displayName", "appId"));
            ex.respond(200, q.collection("servicePrincipals",
                    t.servicePrincipals.values().stream().filter(match).toList(), 100, 999, null));
            return;
        }
        ObjectNode sp = t.servicePrincipals.get(seg.get(1));
        if (sp == null) {
            throw GraphError.notFound(seg.get(1));
        }
        if (seg.size() == 2 && ex.method.equals("GET")) {
            checkReplicated(t, seg.get(1));
            ex.respond(200, q.project(sp, null));
        } else if (seg.size() == 2 && ex.method.equals("PATCH")) {
            GraphSaml.patchServicePrincipal(sp, ex.json());
            ex.noContent();
        } else if (seg.size() == 3 && seg.get(2).equals("addTokenSigningCertificate") && ex.method.equals("POST")) {
            ex.respond(200, GraphSaml.addTokenSigningCertificate(state, sp, ex.json()));
        } else if (seg.size() == 3 && seg.get(2).equals("owners") && ex.method.equals("GET")) {
            ex.respond(200, q.collection("directoryObjects", t.owners.getOrDefault(seg.get(1), List.of()), 100, 999, null));
        } else if (seg.size() == 3 && seg.get(2).equals("appRoleAssignedTo")) {
            List<ObjectNode> list = t.appRoleAssignedTo.computeIfAbsent(seg.get(1), k -> new ArrayList<>());
            if (ex.method.equals("GET")) {
                var match = q.predicate(Set.of("principalId", "appRoleId", "principalType"));
                ex.respond(200, q.collection("servicePrincipals('" + seg.get(1) + "')/appRoleAssignedTo",
                        list.stream().filter(match).toList(), 100, 999, null));
            } else if (ex.method.equals("POST")) {
                ex.respond(201, assign(t, sp, list, ex.json()));
            }
        }
    }

    private ObjectNode assign(Tenant t, ObjectNode sp, List<ObjectNode> list, ObjectNode in) {
        String principalId = Json.text(in, "principalId");
        String roleId = Json.text(in, "appRoleId");
        String resourceId = Json.text(in, "resourceId");
        if (resourceId == null || !resourceId.equalsIgnoreCase(sp.path("id").asText())) {
            throw GraphError.badRequest("resourceId must be the id of the service principal in the URL.");
        }
        JsonNode principal = principalId == null ? null
                : t.groups.containsKey(principalId) ? t.groups.get(principalId) : t.users.get(principalId);
        if (principal == null) {
            throw GraphError.notFound(String.valueOf(principalId));
        }
        boolean roleExists = roleId != null && (roleId.equals("00000000-0000-0000-0000-000000000000")
                || sp.path("appRoles").findValuesAsText("id").stream().anyMatch(roleId::equalsIgnoreCase));
        if (!roleExists) {
            throw GraphError.badRequest("Permission being assigned was not found on application '" + sp.path("appId").asText() + "'.");
        }
        boolean duplicate = list.stream().anyMatch(a -> principalId.equalsIgnoreCase(a.path("principalId").asText())
                && roleId.equalsIgnoreCase(a.path("appRoleId").asText()));
        if (duplicate) {
            throw GraphError.badRequest("Permission being assigned already exists on the object");
        }
        ObjectNode a = Json.obj();
        a.put("id", state.randomToken(16));
        a.put("appRoleId", roleId);
        a.put("createdDateTime", Json.time(Instant.now()));
        a.putNull("deletedDateTime");
        a.put("principalDisplayName", principal.path("displayName").asText());
        a.put("principalId", principalId);
        a.put("principalType", t.groups.containsKey(principalId) ? "Group" : "User");
        a.put("resourceDisplayName", sp.path("displayName").asText());
        a.put("resourceId", sp.path("id").asText());
        list.add(a);
        return a;
    }

    static ObjectNode role(String id, String displayName, String description, String value, List<String> memberTypes) {
        ObjectNode r = Json.obj();
        r.set("allowedMemberTypes", Json.MAPPER.valueToTree(memberTypes));
        r.put("description", description);
        r.put("displayName", displayName);
        r.put("id", id);
        r.put("isEnabled", true);
        r.put("origin", "Application");
        r.put("value", value);
        return r;
    }
}
