package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NinjaOne's SCIM 2.0 endpoint of one identity provider (/scim/{idpId}/v2): Users only, bearer token with expiry.
 * Users created here become NinjaOne end users in the organization named by the ninjaone extension
 * (organizationId "All" = global end user).
 */
final class NinjaScimApi {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final Pattern USERNAME_EQ = Pattern.compile("userName eq \"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final SandboxState state;

    NinjaScimApi(SandboxState state) {
        this.state = state;
    }

    void handle(Exchange ex) {
        List<String> seg = ex.segments("/scim");
        synchronized (state) {
            if (seg.size() < 2 || !seg.get(1).equals("v2")) {
                error(ex, 404, "Not found");
                return;
            }
            NinjaState.IdentityProvider idp = state.ninja.identityProviders.get(seg.get(0));
            if (idp == null) {
                error(ex, 404, "Unknown identity provider");
                return;
            }
            String token = ex.bearer();
            if (token == null || !token.equals(idp.token)) {
                error(ex, 401, "Invalid bearer token");
                return;
            }
            if (Instant.now().isAfter(idp.tokenExpiresAt)) {
                error(ex, 401, "The SCIM bearer token expired on " + idp.tokenExpiresAt);
                return;
            }
            List<String> rest = seg.subList(2, seg.size());
            route(ex, idp, rest);
        }
    }

    private void route(Exchange ex, NinjaState.IdentityProvider idp, List<String> rest) {
        if (rest.equals(List.of("ServiceProviderConfig"))) {
            ObjectNode c = Json.obj();
            c.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
            c.putObject("patch").put("supported", true);
            c.putObject("filter").put("supported", true).put("maxResults", 200);
            ex.respond(200, "application/scim+json", Json.bytes(c));
        } else if (rest.equals(List.of("Users")) && ex.method.equals("GET")) {
            list(ex);
        } else if (rest.equals(List.of("Users")) && ex.method.equals("POST")) {
            create(ex, ex.json());
        } else if (rest.size() == 2 && rest.get(0).equals("Users")) {
            long id = parseId(rest.get(1));
            ObjectNode user = state.ninja.users.get(id);
            if (user == null || !state.ninja.scimResources.containsKey(id)) {
                error(ex, 404, "User " + rest.get(1) + " not found");
                return;
            }
            switch (ex.method) {
                case "GET" -> scim(ex, 200, resource(id));
                case "PATCH" -> patch(ex, id, ex.json());
                case "DELETE" -> {
                    state.ninja.users.remove(id);
                    state.ninja.scimResources.remove(id);
                    ex.respond(204, "application/scim+json", new byte[0]);
                }
                default -> error(ex, 405, "Method not allowed");
            }
        } else if (rest.equals(List.of("Groups")) && ex.method.equals("GET")) {
            scim(ex, 200, listResponse(Json.arr()));
        } else {
            error(ex, 404, "Not found");
        }
    }

    private void list(Exchange ex) {
        String filter = ex.query.get("filter");
        ArrayNode found = Json.arr();
        Matcher m = filter == null ? null : USERNAME_EQ.matcher(filter.trim());
        if (filter != null && !m.matches()) {
            error(ex, 400, "Unsupported filter; use userName eq \"...\"");
            return;
        }
        state.ninja.scimResources.forEach((id, r) -> {
            if (m == null || m.group(1).equalsIgnoreCase(r.path("userName").asText())) {
                found.add(resource(id));
            }
        });
        scim(ex, 200, listResponse(found));
    }

    private void create(Exchange ex, ObjectNode in) {
        String userName = Json.text(in, "userName");
        if (userName == null || userName.isBlank()) {
            error(ex, 400, "userName is required");
            return;
        }
        boolean exists = state.ninja.scimResources.values().stream()
                .anyMatch(r -> userName.equalsIgnoreCase(r.path("userName").asText()));
        if (exists) {
            error(ex, 409, "A user with userName " + userName + " already exists");
            return;
        }
        ObjectNode user = Json.obj();
        String problem = apply(user, in);
        if (problem != null) {
            error(ex, 400, problem);
            return;
        }
        long id = state.ninja.nextUserId++;
        user.put("id", id);
        user.put("uid", UUID.nameUUIDFromBytes(("ninja-user-" + id).getBytes()).toString());
        user.putNull("phone");
        user.put("administrator", false);
        user.put("permitAllClients", false);
        user.put("notifyAllClients", false);
        user.put("mustChangePw", false);
        user.put("mfaConfigured", false);
        user.put("invitationStatus", "PENDING");
        user.putArray("deviceIds");
        user.putArray("assignedDeviceIds");
        user.putArray("tags");
        user.putObject("fields");
        state.ninja.users.put(id, user);
        state.ninja.scimResources.put(id, Json.obj().put("userName", userName).put("externalId", Json.text(in, "externalId")));
        scim(ex, 201, resource(id));
    }

    private void patch(Exchange ex, long id, ObjectNode in) {
        ObjectNode user = state.ninja.users.get(id);
        ObjectNode merged = resource(id);
        for (JsonNode op : in.path("Operations")) {
            String kind = op.path("op").asText().toLowerCase(Locale.ROOT);
            if (!kind.equals("replace") && !kind.equals("add")) {
                error(ex, 400, "Unsupported PATCH op " + kind);
                return;
            }
            String path = Json.text(op, "path");
            if (path == null) {
                merged.setAll((ObjectNode) op.path("value"));
            } else if (path.startsWith(NINJA + ":")) {
                merged.withObjectProperty(NINJA).set(path.substring(NINJA.length() + 1), op.path("value"));
            } else if (path.equals("active") || path.equals("displayName") || path.equals("userName")) {
                merged.set(path, op.path("value"));
            } else if (path.startsWith("name.")) {
                merged.withObjectProperty("name").set(path.substring(5), op.path("value"));
            }
        }
        ObjectNode copy = user.deepCopy();
        String problem = apply(copy, merged);
        if (problem != null) {
            error(ex, 400, problem);
            return;
        }
        user.setAll(copy);
        state.ninja.scimResources.get(id).put("userName", Json.text(merged, "userName"));
        scim(ex, 200, resource(id));
    }

    /** Maps SCIM attributes onto the NinjaOne user; returns a problem text instead of applying a bad value. */
    private String apply(ObjectNode user, JsonNode in) {
        JsonNode ext = in.path(NINJA);
        String org = Json.text(ext, "organizationId");
        if (org == null || org.isBlank()) {
            return "organizationId (" + NINJA + ") is required: the user is not provisioned";
        }
        Long orgId = null;
        if (!org.equalsIgnoreCase("All")) {
            try {
                orgId = Long.parseLong(org.trim());
            } catch (NumberFormatException e) {
                return "organizationId '" + org + "' is neither a NinjaOne organization id nor 'All'";
            }
            if (!state.ninja.organizations.containsKey(orgId)) {
                return "NinjaOne organization " + orgId + " does not exist";
            }
        }
        String userName = Json.text(in, "userName");
        String email = in.path("emails").path(0).path("value").asText(userName);
        user.put("firstName", in.path("name").path("givenName").asText(""));
        user.put("lastName", in.path("name").path("familyName").asText(""));
        user.put("email", email);
        user.put("enabled", in.path("active").asBoolean(true));
        user.put("userType", "technician".equalsIgnoreCase(Json.text(ext, "userType")) ? "TECHNICIAN" : "END_USER");
        if (orgId == null) {
            user.putNull("organizationId");
        } else {
            user.put("organizationId", orgId);
        }
        user.put("scimUserType", Json.text(ext, "userType"));
        return null;
    }

    private ObjectNode resource(long id) {
        ObjectNode u = state.ninja.users.get(id);
        ObjectNode s = state.ninja.scimResources.get(id);
        ObjectNode r = Json.obj();
        r.putArray("schemas").add(CORE).add(NINJA);
        r.put("id", String.valueOf(id));
        r.put("externalId", Json.text(s, "externalId"));
        r.put("userName", Json.text(s, "userName"));
        r.put("active", u.path("enabled").asBoolean());
        r.put("displayName", (u.path("firstName").asText() + " " + u.path("lastName").asText()).trim());
        r.putObject("name").put("givenName", Json.text(u, "firstName")).put("familyName", Json.text(u, "lastName"));
        r.putArray("emails").addObject().put("type", "work").put("primary", true).put("value", Json.text(u, "email"));
        r.putObject(NINJA).put("userType", Json.text(u, "scimUserType"))
                .put("organizationId", u.hasNonNull("organizationId") ? u.path("organizationId").asText() : "All");
        r.putObject("meta").put("resourceType", "User");
        return r;
    }

    private static ObjectNode listResponse(ArrayNode resources) {
        ObjectNode l = Json.obj();
        l.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        l.put("totalResults", resources.size());
        l.put("startIndex", 1);
        l.put("itemsPerPage", resources.size());
        l.set("Resources", resources);
        return l;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void scim(Exchange ex, int status, JsonNode body) {
        ex.respond(status, "application/scim+json", Json.bytes(body));
    }

    private static void error(Exchange ex, int status, String detail) {
        ObjectNode e = Json.obj();
        e.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        e.put("status", String.valueOf(status));
        e.put("detail", detail);
        scim(ex, status, e);
    }
}
