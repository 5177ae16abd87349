package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The synchronization schema of the "scim" template: Entra source, "customappsso" target, default user mappings. */
final class SchemaTemplate {

    static final String SOURCE = "Azure Active Directory";
    static final String TARGET = "customappsso";
    static final String USER_OBJECT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String NINJA_EXTENSION = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    private SchemaTemplate() {
    }

    static ObjectNode scim(String ruleId) {
        ObjectNode schema = Json.obj();
        schema.put("id", "scim");
        schema.put("version", "Date:" + Json.time(java.time.Instant.parse("2026-01-15T08:00:00Z")) + "~Version:1");
        ArrayNode dirs = schema.putArray("directories");
        ObjectNode src = directory(dirs, "66e4a8cc-1b7b-435e-95f8-f06cea133828", SOURCE);
        ObjectNode user = object(src, "User");
        for (String a : new String[]{"userPrincipalName", "mail", "mailNickname", "givenName", "surname", "displayName",
                "objectId", "companyName", "department", "jobTitle", "preferredLanguage", "accountEnabled", "IsSoftDeleted"}) {
            attribute(user, a, a.equals("accountEnabled") || a.equals("IsSoftDeleted") ? "Boolean" : "String", false);
        }
        attribute(user, "appRoleAssignments", "String", true);
        ObjectNode srcGroup = object(src, "Group");
        attribute(srcGroup, "displayName", "String", false);
        attribute(srcGroup, "objectId", "String", false);

        ObjectNode tgt = directory(dirs, "8ffa6169-f354-4751-9b77-9c00765be92d", TARGET);
        ObjectNode scimUser = object(tgt, USER_OBJECT);
        for (String a : new String[]{"userName", "active", "displayName", "title", "emails[type eq \"work\"].value",
                "preferredLanguage", "name.givenName", "name.familyName", "externalId",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}) {
            attribute(scimUser, a, a.equals("active") ? "Boolean" : "String", false);
        }
        ObjectNode scimGroup = object(tgt, "urn:ietf:params:scim:schemas:core:2.0:Group");
        attribute(scimGroup, "displayName", "String", false);
        attribute(scimGroup, "externalId", "String", false);

        ObjectNode rule = schema.putArray("synchronizationRules").addObject();
        rule.putNull("containerFilter");
        rule.put("editable", true);
        rule.putNull("groupFilter");
        rule.put("id", ruleId);
        rule.putArray("metadata");
        rule.put("name", "USER_OUTBOUND_USER");
        rule.put("priority", 1);
        rule.put("sourceDirectoryName", SOURCE);
        rule.put("targetDirectoryName", TARGET);
        ObjectNode om = rule.putArray("objectMappings").addObject();
        ArrayNode maps = om.putArray("attributeMappings");
        mapping(maps, "[userPrincipalName]", "userName", 1);
        mapping(maps, "Not([IsSoftDeleted])", "active", 0);
        mapping(maps, "[displayName]", "displayName", 0);
        mapping(maps, "[jobTitle]", "title", 0);
        mapping(maps, "[mail]", "emails[type eq \"work\"].value", 0);
        mapping(maps, "[givenName]", "name.givenName", 0);
        mapping(maps, "[surname]", "name.familyName", 0);
        mapping(maps, "[mailNickname]", "externalId", 0);
        mapping(maps, "[department]", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", 0);
        om.put("enabled", true);
        om.put("flowTypes", "Add,Update,Delete");
        om.putArray("metadata");
        om.put("name", "Provision Microsoft Entra ID Users");
        om.putNull("scope");
        om.put("sourceObjectName", "User");
        om.put("targetObjectName", USER_OBJECT);
        return schema;
    }

    /** What a technician does in runbook step 6 (used for the already-onboarded demo tenant). */
    static void addNinjaOneMappings(ObjectNode schema, String switchExpression) {
        for (JsonNode dir : schema.path("directories")) {
            if (TARGET.equals(dir.path("name").asText())) {
                for (JsonNode obj : dir.path("objects")) {
                    if (USER_OBJECT.equals(obj.path("name").asText())) {
                        attribute((ObjectNode) obj, NINJA_EXTENSION + ":userType", "String", false);
                        attribute((ObjectNode) obj, NINJA_EXTENSION + ":organizationId", "String", false);
                    }
                }
            }
        }
        ArrayNode maps = (ArrayNode) userMapping(schema).path("attributeMappings");
        mapping(maps, "SingleAppRoleAssignment([appRoleAssignments])", NINJA_EXTENSION + ":userType", 0);
        mapping(maps, switchExpression, NINJA_EXTENSION + ":organizationId", 0);
    }

    /** The object mapping for users: source User to the target user object (matched by names, not display name). */
    static JsonNode userMapping(JsonNode schema) {
        for (JsonNode rule : schema.path("synchronizationRules")) {
            for (JsonNode om : rule.path("objectMappings")) {
                if ("User".equals(om.path("sourceObjectName").asText()) && om.path("enabled").asBoolean(true)) {
                    return om;
                }
            }
        }
        return Json.obj();
    }

    private static ObjectNode directory(ArrayNode dirs, String id, String name) {
        ObjectNode d = dirs.addObject();
        d.put("discoverabilities", "AttributeNames,AttributeDataTypes");
        d.put("discoveryDateTime", "2026-01-15T08:00:00Z");
        d.put("id", id);
        d.put("name", name);
        d.putArray("objects");
        d.put("readOnly", false);
        d.put("version", "Date:2026-01-15T08:00:00Z");
        return d;
    }

    private static ObjectNode object(ObjectNode dir, String name) {
        ObjectNode o = ((ArrayNode) dir.get("objects")).addObject();
        o.putArray("attributes");
        o.putArray("metadata");
        o.put("name", name);
        o.putArray("supportedApis");
        return o;
    }

    private static void attribute(ObjectNode obj, String name, String type, boolean multivalued) {
        ObjectNode a = ((ArrayNode) obj.get("attributes")).addObject();
        a.put("anchor", name.equals("objectId"));
        a.putArray("apiExpressions");
        a.put("caseExact", false);
        a.putNull("defaultValue");
        a.put("flowNullValues", false);
        a.putArray("metadata");
        a.put("multivalued", multivalued);
        a.put("mutability", "ReadWrite");
        a.put("name", name);
        a.putArray("referencedObjects");
        a.put("required", name.equals("userName"));
        a.put("type", type);
    }

    private static void mapping(ArrayNode maps, String expression, String target, int matchingPriority) {
        ObjectNode m = maps.addObject();
        m.putNull("defaultValue");
        m.put("exportMissingReferences", false);
        m.put("flowBehavior", "FlowWhenChanged");
        m.put("flowType", "Always");
        m.put("matchingPriority", matchingPriority);
        m.set("source", SyncExpression.parse(expression));
        m.put("targetAttributeName", target);
    }
}
