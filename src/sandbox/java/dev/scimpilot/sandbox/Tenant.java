package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One simulated Entra tenant; directory objects are kept in their Graph JSON shape. */
final class Tenant {

    final String id;
    final String displayName;
    final List<String> domains;
    final ArrayNode subscribedSkus = Json.arr();
    final Map<String, ObjectNode> users = new LinkedHashMap<>();
    final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    final Map<String, ObjectNode> applications = new LinkedHashMap<>();
    final Map<String, ObjectNode> servicePrincipals = new LinkedHashMap<>();
    /** appRoleAssignments granted on a resource service principal, by its id. */
    final Map<String, List<ObjectNode>> appRoleAssignedTo = new HashMap<>();
    final Map<String, SyncJob> jobs = new LinkedHashMap<>();
    /** Saved synchronization secrets per service principal (PUT replaces the whole set). */
    final Map<String, Map<String, String>> secrets = new HashMap<>();
    final List<ObjectNode> provisioningLogs = new ArrayList<>();
    /** Owners (directory objects) of applications and service principals, by object id. */
    final Map<String, List<ObjectNode>> owners = new HashMap<>();
    /** Objects that are "not replicated yet": remaining GETs that answer 404, by object id. */
    final Map<String, Integer> replicationPending = new HashMap<>();

    Tenant(String id, String displayName, List<String> domains) {
        this.id = id;
        this.displayName = displayName;
        this.domains = List.copyOf(domains);
    }

    boolean hasServicePlan(String servicePlanId) {
        for (var sku : subscribedSkus) {
            for (var plan : sku.path("servicePlans")) {
                if (servicePlanId.equalsIgnoreCase(plan.path("servicePlanId").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
