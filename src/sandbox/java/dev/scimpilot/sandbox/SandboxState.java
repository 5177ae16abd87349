package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Everything the sandbox knows (Entra tenants, NinjaOne), with typed read views and a few mutators for tests.
 * All access goes through this object's monitor, which the HTTP handlers share.
 */
public final class SandboxState {

    /** SCIM bearer tokens live six months in NinjaOne. */
    public static final Duration SCIM_TOKEN_LIFETIME = Duration.ofDays(182);

    public record TenantView(String id, String displayName, List<String> domains) { }

    public record UserView(String id, String userPrincipalName, String mail, String companyName,
                           boolean accountEnabled, String userType) { }

    public record GroupView(String id, String displayName, String membershipRule, List<String> memberIds) { }

    public record AppRoleView(String id, String displayName, String value, boolean isEnabled) { }

    public record ApplicationView(String id, String appId, String displayName, List<AppRoleView> appRoles) { }

    public record ServicePrincipalView(String id, String appId, String displayName, List<AppRoleView> appRoles,
                                       List<String> assignedPrincipalIds) { }

    public record JobView(String id, String servicePrincipalId, String statusCode, String scheduleState,
                          String quarantineReason, String quarantineMessage, String lastExecutionState) { }

    public record ProvisioningLogView(String jobId, String userPrincipalName, String action, String status,
                                      String errorCode, String reason) { }

    public record NinjaOrganizationView(long id, String name) { }

    public record NinjaEndUserView(long id, String email, String firstName, String lastName, Long organizationId,
                                   boolean enabled, boolean scimUser) { }

    /** A NinjaOne identity provider with SCIM enabled: endpoint and the current bearer token. */
    public record ScimIdentityProvider(String id, long organizationId, String scimBaseUrl, String token,
                                       Instant tokenIssuedAt, Instant tokenExpiresAt) { }

    /** A NinjaOne identity provider as its page shows it: what to copy into Entra's SAML configuration. */
    public record SamlIdentityProvider(String id, long organizationId, String displayName, String entityId, String replyUrl) { }

    final Map<String, Tenant> tenants = new LinkedHashMap<>();
    final NinjaState ninja = new NinjaState();
    private final SecureRandom random = new SecureRandom();
    private long idCounter;
    String baseUrl = "http://127.0.0.1";

    SandboxState() {
    }

    /** Deterministic GUIDs, so demo data has the same ids on every start. */
    synchronized String newId() {
        return UUID.nameUUIDFromBytes(("scimpilot-sandbox-" + idCounter++).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    Tenant tenant(String tenantId) {
        Tenant t = tenants.get(tenantId);
        if (t == null) {
            throw new IllegalArgumentException("no sandbox tenant " + tenantId);
        }
        return t;
    }

    /** Tenant id for a tenant GUID or one of its verified domains; null when unknown. */
    synchronized String resolveTenant(String domainOrId) {
        for (Tenant t : tenants.values()) {
            if (t.id.equalsIgnoreCase(domainOrId) || t.domains.stream().anyMatch(d -> d.equalsIgnoreCase(domainOrId))) {
                return t.id;
            }
        }
        return null;
    }

    public synchronized List<TenantView> tenants() {
        return tenants.values().stream().map(t -> new TenantView(t.id, t.displayName, t.domains)).toList();
    }

    public synchronized List<UserView> users(String tenantId) {
        return tenant(tenantId).users.values().stream().map(SandboxState::userView).toList();
    }

    /** Changes a user's companyName (null clears it), as an admin would in Entra. */
    public synchronized void setCompanyName(String tenantId, String userPrincipalName, String companyName) {
        user(tenantId, userPrincipalName).put("companyName", companyName);
    }

    /** Blocks or unblocks sign-in of a user (a leaver drops out of the dynamic group). */
    public synchronized void setAccountEnabled(String tenantId, String userPrincipalName, boolean enabled) {
        user(tenantId, userPrincipalName).put("accountEnabled", enabled);
    }

    private ObjectNode user(String tenantId, String userPrincipalName) {
        return tenant(tenantId).users.values().stream()
                .filter(x -> userPrincipalName.equalsIgnoreCase(x.path("userPrincipalName").asText()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no user " + userPrincipalName));
    }

    public synchronized List<GroupView> groups(String tenantId) {
        Tenant t = tenant(tenantId);
        return t.groups.values().stream().map(g -> new GroupView(g.path("id").asText(), g.path("displayName").asText(),
                Json.text(g, "membershipRule"), GraphDirectory.memberIds(t, g))).toList();
    }

    public synchronized List<ApplicationView> applications(String tenantId) {
        return tenant(tenantId).applications.values().stream().map(a -> new ApplicationView(a.path("id").asText(),
                a.path("appId").asText(), a.path("displayName").asText(), roles(a))).toList();
    }

    public synchronized List<ServicePrincipalView> servicePrincipals(String tenantId) {
        Tenant t = tenant(tenantId);
        return t.servicePrincipals.values().stream().map(sp -> new ServicePrincipalView(sp.path("id").asText(),
                sp.path("appId").asText(), sp.path("displayName").asText(), roles(sp),
                t.appRoleAssignedTo.getOrDefault(sp.path("id").asText(), List.of()).stream()
                        .map(a -> a.path("principalId").asText()).toList())).toList();
    }

    public synchronized List<JobView> jobs(String tenantId) {
        return tenant(tenantId).jobs.values().stream().map(j -> new JobView(j.id, j.servicePrincipalId, j.statusCode,
                j.scheduleState, j.quarantine == null ? null : Json.text(j.quarantine, "reason"),
                j.quarantine == null ? null : Json.text(j.quarantine.path("error"), "message"),
                j.lastExecution == null ? null : Json.text(j.lastExecution, "state"))).toList();
    }

    /** Saved synchronization secrets of a service principal (the sandbox may show them; Graph v1.0 cannot). */
    public synchronized Map<String, String> savedSecrets(String tenantId, String servicePrincipalId) {
        return Map.copyOf(tenant(tenantId).secrets.getOrDefault(servicePrincipalId, Map.of()));
    }

    public synchronized List<ProvisioningLogView> provisioningLogs(String tenantId) {
        return tenant(tenantId).provisioningLogs.stream().map(l -> new ProvisioningLogView(Json.text(l, "jobId"),
                Json.text(l.path("sourceIdentity").path("details"), "UserPrincipalName"), Json.text(l, "provisioningAction"),
                Json.text(l.path("provisioningStatusInfo"), "status"),
                Json.text(l.path("provisioningStatusInfo").path("errorInformation"), "errorCode"),
                Json.text(l.path("provisioningStatusInfo").path("errorInformation"), "reason"))).toList();
    }

    public synchronized List<NinjaOrganizationView> ninjaOrganizations() {
        return ninja.organizations.values().stream()
                .map(o -> new NinjaOrganizationView(o.path("id").asLong(), o.path("name").asText())).toList();
    }

    /** NinjaOne end users (global ones have a null organizationId). */
    public synchronized List<NinjaEndUserView> ninjaEndUsers() {
        return ninja.users.values().stream().filter(u -> "END_USER".equals(Json.text(u, "userType")))
                .map(u -> new NinjaEndUserView(u.path("id").asLong(), Json.text(u, "email"), Json.text(u, "firstName"),
                        Json.text(u, "lastName"), u.hasNonNull("organizationId") ? u.path("organizationId").asLong() : null,
                        u.path("enabled").asBoolean(), ninja.scimResources.containsKey(u.path("id").asLong())))
                .toList();
    }

    /** The human step in NinjaOne: create an identity provider for the organization and enable SCIM. */
    public synchronized ScimIdentityProvider enableScim(long organizationId) {
        if (!ninja.organizations.containsKey(organizationId)) {
            throw new IllegalArgumentException("no NinjaOne organization " + organizationId);
        }
        NinjaState.IdentityProvider idp = ninja.idpForOrganization(organizationId);
        if (idp == null) {
            idp = new NinjaState.IdentityProvider(newId(), organizationId);
            ninja.identityProviders.put(idp.id, idp);
        }
        if (idp.token == null) {
            issueToken(idp, Instant.now());
        }
        return view(idp);
    }

    /** The human step in NinjaOne: add an identity provider (no SCIM yet) and read its Entity ID and Reply URL. */
    public synchronized SamlIdentityProvider addIdentityProvider(long organizationId, String displayName) {
        if (!ninja.organizations.containsKey(organizationId)) {
            throw new IllegalArgumentException("no NinjaOne organization " + organizationId);
        }
        NinjaState.IdentityProvider idp = ninja.idpForOrganization(organizationId);
        if (idp == null) {
            idp = new NinjaState.IdentityProvider(newId(), organizationId);
            ninja.identityProviders.put(idp.id, idp);
        }
        idp.displayName = displayName;
        return samlView(idp);
    }

    private SamlIdentityProvider samlView(NinjaState.IdentityProvider idp) {
        return new SamlIdentityProvider(idp.id, idp.organizationId, idp.displayName, baseUrl + "/saml/" + idp.id,
                baseUrl + "/saml/" + idp.id + "/acs");
    }

    /**
     * NinjaOne's "Import metadata from URL" and "Test Connection": what would fail, by looking at the Entra app the
     * metadata URL names (SAML mode, this provider's Entity ID and Reply URL, a preferred signing certificate, and at
     * least one assignment, since the test signs a user in). Empty = the test passes and the provider is saved.
     */
    public synchronized List<String> testSamlConnection(long organizationId, String metadataUrl) {
        NinjaState.IdentityProvider idp = requireIdp(organizationId);
        SamlIdentityProvider saml = samlView(idp);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*/([0-9a-f-]{36})/federationmetadata/2007-06/"
                + "federationmetadata\\.xml\\?appid=([0-9a-f-]{36})$").matcher(metadataUrl == null ? "" : metadataUrl);
        if (!m.matches()) {
            return List.of("the metadata URL is not an Entra federation metadata URL");
        }
        Tenant t = tenants.get(m.group(1));
        if (t == null) {
            return List.of("no such tenant " + m.group(1));
        }
        List<String> problems = new java.util.ArrayList<>();
        ObjectNode app = t.applications.values().stream().filter(a -> a.path("appId").asText().equals(m.group(2)))
                .findFirst().orElse(null);
        ObjectNode sp = t.servicePrincipals.values().stream().filter(a -> a.path("appId").asText().equals(m.group(2)))
                .findFirst().orElse(null);
        if (app == null || sp == null) {
            return List.of("no application " + m.group(2) + " in tenant " + t.id);
        }
        if (!"saml".equals(sp.path("preferredSingleSignOnMode").asText(null))) {
            problems.add("single sign-on mode is not SAML");
        }
        if (!app.path("identifierUris").toString().contains("\"" + saml.entityId() + "\"")) {
            problems.add("the Entity ID " + saml.entityId() + " is not an identifier of the app");
        }
        if (!app.path("web").path("redirectUris").toString().contains("\"" + saml.replyUrl() + "\"")) {
            problems.add("the Reply URL " + saml.replyUrl() + " is not a redirect URI of the app");
        }
        if (!sp.hasNonNull("preferredTokenSigningKeyThumbprint")
                || !GraphSaml.hasSigningKey(sp, sp.path("preferredTokenSigningKeyThumbprint").asText())) {
            problems.add("no token-signing certificate is preferred");
        }
        if (t.appRoleAssignedTo.getOrDefault(sp.path("id").asText(), List.of()).isEmpty()) {
            problems.add("nobody is assigned to the app, so no test user can sign in");
        }
        if (problems.isEmpty()) {
            idp.metadataUrl = metadataUrl;
        }
        return problems;
    }

    /** NinjaOne "regenerate token": the old token stops working at once; the new one lives six months. */
    public synchronized ScimIdentityProvider regenerateScimToken(long organizationId) {
        NinjaState.IdentityProvider idp = requireIdp(organizationId);
        issueToken(idp, Instant.now());
        return view(idp);
    }

    /** Moves the token's issue date (and so its expiry) for expiry scenarios. */
    public synchronized ScimIdentityProvider backdateScimToken(long organizationId, Instant issuedAt) {
        NinjaState.IdentityProvider idp = requireIdp(organizationId);
        idp.tokenIssuedAt = issuedAt;
        idp.tokenExpiresAt = issuedAt.plus(SCIM_TOKEN_LIFETIME);
        return view(idp);
    }

    /**
     * Benchmarks: a copy of a demo tenant under a new id and domain, with its own NinjaOne organization holding copies
     * of the source organization's end users (addresses moved to the new domain). Directory objects, the job with its
     * status and schema, secrets and provisioning logs are copied as they are.
     */
    public synchronized void copyTenant(String sourceTenantId, long sourceOrganizationId, String tenantId, String name,
            String domain, long organizationId) {
        Tenant src = tenant(sourceTenantId);
        String oldDomain = src.domains.get(0);
        Tenant t = new Tenant(tenantId, name, List.of(domain));
        src.subscribedSkus.forEach(sku -> t.subscribedSkus.add(sku.deepCopy()));
        src.users.forEach((id, u) -> {
            ObjectNode copy = u.deepCopy();
            for (String field : List.of("mail", "userPrincipalName")) {
                if (copy.hasNonNull(field)) {
                    copy.put(field, copy.path(field).asText().replace("@" + oldDomain, "@" + domain));
                }
            }
            t.users.put(id, copy);
        });
        src.groups.forEach((id, g) -> t.groups.put(id, g.deepCopy()));
        src.applications.forEach((id, a) -> t.applications.put(id, a.deepCopy()));
        src.servicePrincipals.forEach((id, sp) -> t.servicePrincipals.put(id, sp.deepCopy()));
        src.appRoleAssignedTo.forEach((id, list) -> t.appRoleAssignedTo.put(id,
                new java.util.ArrayList<>(list.stream().map(ObjectNode::deepCopy).toList())));
        src.secrets.forEach((id, m) -> t.secrets.put(id, new java.util.LinkedHashMap<>(m)));
        src.jobs.forEach((id, j) -> {
            SyncJob copy = new SyncJob(j.id, j.servicePrincipalId, j.templateId, j.schema.deepCopy());
            copy.statusCode = j.statusCode;
            copy.scheduleState = j.scheduleState;
            copy.quarantine = j.quarantine == null ? null : j.quarantine.deepCopy();
            copy.lastExecution = j.lastExecution == null ? null : j.lastExecution.deepCopy();
            copy.lastSuccessfulExecution = j.lastSuccessfulExecution == null ? null : j.lastSuccessfulExecution.deepCopy();
            copy.steadyStateFirstAchievedTime = j.steadyStateFirstAchievedTime;
            copy.steadyStateLastAchievedTime = j.steadyStateLastAchievedTime;
            copy.countSuccessiveCompleteFailures = j.countSuccessiveCompleteFailures;
            copy.exported.putAll(j.exported);
            t.jobs.put(id, copy);
        });
        src.provisioningLogs.forEach(l -> t.provisioningLogs.add(l.deepCopy()));
        tenants.put(tenantId, t);
        ObjectNode org = ninja.organizations.get(sourceOrganizationId).deepCopy().put("id", organizationId).put("name", name);
        ninja.organizations.put(organizationId, org);
        for (ObjectNode u : List.copyOf(ninja.users.values())) {
            if (u.path("organizationId").asLong(-1) == sourceOrganizationId) {
                long id = ninja.nextUserId++;
                ninja.users.put(id, u.deepCopy().put("id", id).put("organizationId", organizationId)
                        .put("email", u.path("email").asText().replace("@" + oldDomain, "@" + domain)));
            }
        }
    }

    public synchronized Optional<ScimIdentityProvider> scimIdentityProvider(long organizationId) {
        return Optional.ofNullable(ninja.idpForOrganization(organizationId)).map(this::view);
    }

    void issueToken(NinjaState.IdentityProvider idp, Instant issuedAt) {
        idp.token = "ninja-scim-" + randomToken(24);
        idp.tokenIssuedAt = issuedAt;
        idp.tokenExpiresAt = issuedAt.plus(SCIM_TOKEN_LIFETIME);
    }

    private NinjaState.IdentityProvider requireIdp(long organizationId) {
        NinjaState.IdentityProvider idp = ninja.idpForOrganization(organizationId);
        if (idp == null) {
            throw new IllegalArgumentException("SCIM is not enabled for NinjaOne organization " + organizationId);
        }
        return idp;
    }

    private ScimIdentityProvider view(NinjaState.IdentityProvider idp) {
        return new ScimIdentityProvider(idp.id, idp.organizationId, baseUrl + "/scim/" + idp.id + "/v2", idp.token,
                idp.tokenIssuedAt, idp.tokenExpiresAt);
    }

    /** The whole state as JSON for GET /_sandbox/state (secrets and tokens included: it is a test double). */
    synchronized ObjectNode toJson() {
        ObjectNode root = Json.obj();
        ObjectNode ts = root.putObject("tenants");
        for (Tenant t : tenants.values()) {
            ObjectNode n = ts.putObject(t.id);
            n.put("displayName", t.displayName);
            n.set("domains", Json.MAPPER.valueToTree(t.domains));
            n.set("subscribedSkus", t.subscribedSkus);
            n.set("users", Json.MAPPER.valueToTree(t.users.values()));
            n.set("groups", Json.MAPPER.valueToTree(groups(t.id)));
            n.set("applications", Json.MAPPER.valueToTree(t.applications.values()));
            n.set("servicePrincipals", Json.MAPPER.valueToTree(t.servicePrincipals.values()));
            n.set("appRoleAssignedTo", Json.MAPPER.valueToTree(t.appRoleAssignedTo));
            n.set("jobs", Json.MAPPER.valueToTree(t.jobs.values().stream().map(SyncJob::toJson).toList()));
            n.set("secrets", Json.MAPPER.valueToTree(t.secrets));
            n.set("provisioningLogs", Json.MAPPER.valueToTree(t.provisioningLogs));
        }
        ObjectNode nj = root.putObject("ninjaone");
        nj.set("organizations", Json.MAPPER.valueToTree(ninja.organizations.values()));
        nj.set("users", Json.MAPPER.valueToTree(ninja.users.values()));
        nj.set("identityProviders", Json.MAPPER.valueToTree(ninja.identityProviders.values().stream().map(this::view).map(
                v -> Map.of("id", v.id(), "organizationId", v.organizationId(), "scimBaseUrl", v.scimBaseUrl(),
                        "token", v.token(), "tokenExpiresAt", v.tokenExpiresAt().toString())).toList()));
        return root;
    }

    static UserView userView(JsonNode u) {
        return new UserView(u.path("id").asText(), Json.text(u, "userPrincipalName"), Json.text(u, "mail"),
                Json.text(u, "companyName"), u.path("accountEnabled").asBoolean(), Json.text(u, "userType"));
    }

    private static List<AppRoleView> roles(JsonNode appOrSp) {
        List<AppRoleView> out = new ArrayList<>();
        StreamSupport.stream(appOrSp.path("appRoles").spliterator(), false).forEach(r -> out.add(new AppRoleView(
                r.path("id").asText(), Json.text(r, "displayName"), Json.text(r, "value"), r.path("isEnabled").asBoolean())));
        return out;
    }
}
