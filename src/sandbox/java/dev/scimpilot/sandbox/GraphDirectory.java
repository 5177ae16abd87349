package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** subscribedSkus, organization, users and groups (dynamic groups evaluate their rule on the tenant's users). */
final class GraphDirectory {

    static final String AAD_PREMIUM = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    static final String AAD_PREMIUM_P2 = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
    /** Properties Graph returns for a user when there is no $select. */
    static final Set<String> USER_DEFAULT = Set.of("id", "businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName");
    private static final Set<String> USER_FILTERABLE = Set.of("id", "userPrincipalName", "mail", "displayName",
            "userType", "accountEnabled", "assignedPlans", "companyName");
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[\\x21-\\x7E&&[^@()\\\\\\[\\]\";:<>,\\s]]{1,64}");

    private final SandboxState state;

    GraphDirectory(SandboxState state) {
        this.state = state;
    }

    void handle(Exchange ex, Tenant t, List<String> seg, boolean beta) {
        OData q = new OData(ex, state.baseUrl);
        String root = seg.get(0);
        boolean get = ex.method.equals("GET");
        if (root.equals("subscribedSkus") && get && seg.size() == 1) {
            ex.respond(200, q.collection("subscribedSkus", list(t.subscribedSkus), 100, 999, null));
        } else if (root.equals("organization") && get && seg.size() == 1) {
            ex.respond(200, q.collection("organization", List.of(organization(t)), 100, 999, null));
        } else if (root.equals("users") && get) {
            users(ex, q, t, seg);
        } else if (root.equals("users") && ex.method.equals("POST") && seg.size() == 3
                && seg.get(2).equals("checkMemberGroups")) {
            checkMemberGroups(ex, t, seg.get(1));
        } else if (root.equals("groups")) {
            groups(ex, q, t, seg, beta);
        }
    }

    private void users(Exchange ex, OData q, Tenant t, List<String> seg) {
        if (seg.size() == 1) {
            String filter = q.filter();
            boolean advanced = q.isAdvancedLambda() || q.countRequested() || q.option("search") != null
                    || q.option("orderby") != null || (filter != null && filter.contains("companyName"));
            if (advanced) {
                q.requireAdvancedQueryHeaders();
            }
            var match = q.predicate(USER_FILTERABLE);
            List<ObjectNode> users = t.users.values().stream().filter(match).toList();
            // a small default page so that clients must follow @odata.nextLink
            ex.respond(200, q.collection("users", users, 5, 999, USER_DEFAULT));
        } else if (seg.size() == 2) {
            ObjectNode u = findUser(t, seg.get(1));
            ObjectNode body = (ObjectNode) q.project(u, USER_DEFAULT);
            ex.respond(200, body);
        }
    }

    private ObjectNode findUser(Tenant t, String idOrUpn) {
        return t.users.values().stream().filter(u -> idOrUpn.equalsIgnoreCase(u.path("id").asText())
                || idOrUpn.equalsIgnoreCase(u.path("userPrincipalName").asText())).findFirst()
                .orElseThrow(() -> GraphError.notFound(idOrUpn));
    }

    private void groups(Exchange ex, OData q, Tenant t, List<String> seg, boolean beta) {
        if (beta && seg.get(seg.size() - 1).equals("evaluateDynamicMembership") && ex.method.equals("POST")) {
            // beta only, and delegated only: an app-only caller is refused (graph-api.md step 3)
            throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the "
                    + "operation. evaluateDynamicMembership supports delegated permissions only.");
        }
        if (seg.size() == 1 && ex.method.equals("POST")) {
            ObjectNode g = createGroup(t, ex.json());
            ex.respond(201, g);
        } else if (seg.size() == 1 && ex.method.equals("GET")) {
            var match = q.predicate(Set.of("id", "displayName", "mailNickname"));
            ex.respond(200, q.collection("groups", t.groups.values().stream().filter(match).toList(), 100, 999, null));
        } else if (seg.size() == 2 && ex.method.equals("PATCH")) {
            updateGroup(t, seg.get(1), ex.json());
            ex.noContent();
        } else if (seg.size() >= 2 && ex.method.equals("GET")) {
            ObjectNode g = t.groups.get(seg.get(1));
            if (g == null) {
                throw GraphError.notFound(seg.get(1));
            }
            if (seg.size() == 2) {
                ObjectNode out = g.deepCopy();
                if (beta) {
                    out.putObject("membershipRuleProcessingStatus").put("status", "Succeeded")
                            .put("lastMembershipUpdated", Json.time(Instant.now())).putNull("errorMessage");
                }
                ex.respond(200, q.project(out, null));
            } else if (seg.size() == 3 && seg.get(2).equals("members")) {
                List<ObjectNode> members = new ArrayList<>();
                for (String id : memberIds(t, g)) {
                    members.add(directoryObject(q, t, id));
                }
                ex.respond(200, q.collection("directoryObjects", members, 100, 999, null));
            } else if (seg.get(2).equals("transitiveMembers") && (seg.size() == 3
                    || (seg.size() == 4 && Set.of("microsoft.graph.user", "graph.user").contains(seg.get(3))))) {
                // the cast segment keeps users only, as Graph's OData type cast does
                boolean usersOnly = seg.size() == 4;
                List<ObjectNode> members = new ArrayList<>();
                for (String id : transitiveMemberIds(t, g, new java.util.LinkedHashSet<>())) {
                    if (!usersOnly || t.users.containsKey(id)) {
                        members.add(directoryObject(q, t, id));
                    }
                }
                ex.respond(200, q.collection(usersOnly ? "users" : "directoryObjects", members, 100, 999, null));
            }
        }
    }

    private ObjectNode createGroup(Tenant t, ObjectNode in) {
        String name = Json.text(in, "displayName");
        String nick = Json.text(in, "mailNickname");
        if (name == null || name.isBlank()) {
            throw GraphError.badRequest("Invalid value specified for property 'displayName' of resource 'Group'.");
        }
        if (nick == null || !MAIL_NICKNAME.matcher(nick).matches()) {
            throw GraphError.badRequest("Invalid value specified for property 'mailNickname' of resource 'Group'.");
        }
        if (!in.path("mailEnabled").isBoolean() || !in.path("securityEnabled").isBoolean()) {
            throw GraphError.badRequest("A value is required for properties 'mailEnabled' and 'securityEnabled' of resource 'Group'.");
        }
        boolean unified = false;
        boolean dynamic = false;
        for (JsonNode gt : in.path("groupTypes")) {
            unified |= gt.asText().equals("Unified");
            dynamic |= gt.asText().equals("DynamicMembership");
        }
        if (in.path("mailEnabled").asBoolean() && !unified) {
            throw GraphError.badRequest("Creating mail-enabled security groups is not supported through Microsoft Graph.");
        }
        String rule = Json.text(in, "membershipRule");
        String processing = Json.text(in, "membershipRuleProcessingState");
        if (dynamic) {
            if (!t.hasServicePlan(AAD_PREMIUM) && !t.hasServicePlan(AAD_PREMIUM_P2)) {
                throw GraphError.badRequest("The tenant has no Microsoft Entra ID P1 licence: dynamic membership "
                        + "groups are not available.");
            }
            if (rule == null) {
                throw GraphError.badRequest("A value is required for property 'membershipRule' of resource 'Group'.");
            }
            if (!"On".equals(processing) && !"Paused".equals(processing)) {
                throw GraphError.badRequest("Invalid value specified for property 'membershipRuleProcessingState' "
                        + "of resource 'Group': use 'On' or 'Paused'.");
            }
            MembershipRule.parse(rule);
        } else if (rule != null) {
            throw GraphError.badRequest("'membershipRule' requires 'DynamicMembership' in 'groupTypes'.");
        }
        ObjectNode g = Json.obj();
        g.put("id", state.newId());
        g.putNull("deletedDateTime");
        g.putNull("classification");
        g.put("createdDateTime", Json.time(Instant.now()));
        g.put("description", Json.text(in, "description"));
        g.put("displayName", name);
        g.set("groupTypes", in.path("groupTypes").isArray() ? in.get("groupTypes") : Json.arr());
        g.putNull("mail");
        g.put("mailEnabled", in.path("mailEnabled").asBoolean());
        g.put("mailNickname", nick);
        g.put("membershipRule", rule);
        g.put("membershipRuleProcessingState", processing);
        g.put("securityEnabled", in.path("securityEnabled").asBoolean());
        g.put("securityIdentifier", "S-1-12-1-" + Math.abs(g.path("id").asText().hashCode()));
        g.put("visibility", (String) null);
        g.set("members", in.path("members").isArray() ? in.get("members") : Json.arr());
        t.groups.put(g.path("id").asText(), g);
        ObjectNode out = g.deepCopy();
        out.remove("members");
        return out;
    }

    /** PATCH: the properties a runbook run changes on an existing group (rule and processing state), validated. */
    private void updateGroup(Tenant t, String id, ObjectNode in) {
        ObjectNode g = t.groups.get(id);
        if (g == null) {
            throw GraphError.notFound(id);
        }
        for (String readOnly : List.of("id", "createdDateTime", "securityIdentifier")) {
            if (in.has(readOnly)) {
                throw GraphError.badRequest("Property '" + readOnly + "' is read-only and cannot be set.");
            }
        }
        if (in.has("membershipRule")) {
            MembershipRule.parse(Json.text(in, "membershipRule"));
        }
        String processing = Json.text(in, "membershipRuleProcessingState");
        if (in.has("membershipRuleProcessingState") && !"On".equals(processing) && !"Paused".equals(processing)) {
            throw GraphError.badRequest("Invalid value specified for property 'membershipRuleProcessingState' "
                    + "of resource 'Group': use 'On' or 'Paused'.");
        }
        in.remove("@odata.type");
        g.setAll(in);
    }

    /** A member as Graph lists it: a user or a (nested) group, with its @odata.type. */
    private static ObjectNode directoryObject(OData q, Tenant t, String id) {
        ObjectNode user = t.users.get(id);
        if (user != null) {
            ObjectNode m = Json.obj().put("@odata.type", "#microsoft.graph.user");
            m.setAll((ObjectNode) q.project(user, USER_DEFAULT));
            return m;
        }
        ObjectNode m = Json.obj().put("@odata.type", "#microsoft.graph.group");
        ObjectNode g = t.groups.get(id);
        m.put("id", id).put("displayName", g == null ? null : Json.text(g, "displayName"));
        return m;
    }

    /** Users and groups in a group and, recursively, in its nested groups (each once). */
    private static java.util.Set<String> transitiveMemberIds(Tenant t, JsonNode g, java.util.Set<String> seen) {
        for (String id : memberIds(t, g)) {
            if (seen.add(id) && t.groups.containsKey(id)) {
                transitiveMemberIds(t, t.groups.get(id), seen);
            }
        }
        return seen;
    }

    /**
     * POST users/{id}/checkMemberGroups: which of up to 20 given group ids the user is a member of, directly or
     * through nested groups. Ids that are not groups are simply not returned, as in Graph.
     */
    private void checkMemberGroups(Exchange ex, Tenant t, String userId) {
        ObjectNode user = findUser(t, userId);
        JsonNode ids = ex.json().path("groupIds");
        if (!ids.isArray() || ids.isEmpty()) {
            throw GraphError.badRequest("A value is required for parameter 'groupIds'.");
        }
        if (ids.size() > 20) {
            throw GraphError.badRequest("Too many groupIds: at most 20 may be specified.");
        }
        ArrayNode value = Json.arr();
        for (JsonNode id : ids) {
            ObjectNode g = t.groups.get(id.asText());
            if (g != null && transitiveMemberIds(t, g, new java.util.LinkedHashSet<>()).contains(user.path("id").asText())) {
                value.add(id.asText());
            }
        }
        ObjectNode body = Json.obj();
        body.put("@odata.context", state.baseUrl + "/$metadata#Collection(Edm.String)");
        body.set("value", value);
        ex.respond(200, body);
    }

    /** Members of a group: a dynamic rule evaluated now (Entra does it asynchronously), else the static list. */
    static List<String> memberIds(Tenant t, JsonNode g) {
        String rule = Json.text(g, "membershipRule");
        if (rule != null && "On".equals(Json.text(g, "membershipRuleProcessingState"))) {
            MembershipRule r = MembershipRule.parse(rule);
            return t.users.values().stream().filter(r::matches).map(u -> u.path("id").asText()).toList();
        }
        List<String> ids = new ArrayList<>();
        g.path("members").forEach(m -> ids.add(m.asText()));
        return ids;
    }

    private static ObjectNode organization(Tenant t) {
        ObjectNode o = Json.obj();
        o.put("id", t.id);
        o.put("displayName", t.displayName);
        o.put("tenantType", "AAD");
        o.put("countryLetterCode", "CH");
        ArrayNode plans = o.putArray("assignedPlans");
        for (JsonNode sku : t.subscribedSkus) {
            for (JsonNode p : sku.path("servicePlans")) {
                plans.addObject().put("assignedDateTime", "2025-03-01T08:00:00Z")
                        .put("capabilityStatus", sku.path("capabilityStatus").asText())
                        .put("service", p.path("servicePlanName").asText())
                        .put("servicePlanId", p.path("servicePlanId").asText());
            }
        }
        ArrayNode domains = o.putArray("verifiedDomains");
        for (int i = 0; i < t.domains.size(); i++) {
            String d = t.domains.get(i);
            domains.addObject().put("capabilities", "Email, OfficeCommunicationsOnline")
                    .put("isDefault", i == 0).put("isInitial", d.endsWith(".onmicrosoft.com"))
                    .put("name", d).put("type", "Managed");
        }
        return o;
    }

    static List<JsonNode> list(ArrayNode a) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }
}
