package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user to send to the SCIM target: the resource computed from the job's attribute mappings, the value of the
 * matching attribute (matchingPriority 1), the SCIM id if known, or the evaluation error.
 */
record ScimExport(String userId, String upn, String displayName, String matchValue, ObjectNode resource,
                  String knownScimId, String error) {

    /** Evaluates every mapping of the user object mapping for this user with its assigned role values. */
    static ScimExport of(ObjectNode user, List<String> roleValues, JsonNode userMapping, String knownScimId) {
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        user.properties().forEach(p -> attrs.put(p.getKey(), p.getValue()));
        attrs.put("objectId", user.path("id"));
        attrs.put("IsSoftDeleted", Json.MAPPER.getNodeFactory().booleanNode(false));
        attrs.put("appRoleAssignments", Json.MAPPER.valueToTree(roleValues));
        ObjectNode resource = Json.obj();
        resource.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        String matchValue = null;
        String id = user.path("id").asText();
        String upn = Json.text(user, "userPrincipalName");
        String name = Json.text(user, "displayName");
        try {
            for (JsonNode am : userMapping.path("attributeMappings")) {
                String v = SyncExpression.evaluate(am.path("source"), attrs);
                if (v == null && am.hasNonNull("defaultValue")) {
                    v = am.path("defaultValue").asText();
                }
                if (am.path("matchingPriority").asInt() == 1) {
                    matchValue = v;
                }
                if (v != null) {
                    ScimResource.set(resource, am.path("targetAttributeName").asText(), v);
                }
            }
        } catch (RuntimeException ex) {
            return new ScimExport(id, upn, name, null, null, knownScimId, "Expression evaluation failed: " + ex.getMessage());
        }
        return new ScimExport(id, upn, name, matchValue, resource, knownScimId, null);
    }

    /** A user that left the scope and is to be disabled in the target. */
    static ScimExport leaving(String userId, String scimId) {
        return new ScimExport(userId, userId, userId, null, null, scimId, null);
    }
}
