package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo clients of a fictitious Swiss MSP, loaded at every start (deterministic ids):
 * Brennwald + Heilig AG (clean, P1, SCIM enabled), Seeberger Treuhand GmbH (no Entra ID P1),
 * Alpenblick Sanitär + Heizung AG (companyName variants) and Rheintal Logistik AG (already onboarded,
 * token expiring in ~5 days, job in quarantine because Entra holds an outdated token).
 */
public final class DemoData {

    public static final String EXCHANGE_ONLINE_PLAN_1 = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    public static final String SKU_BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    public static final String SKU_BUSINESS_STANDARD = "f245ecc8-75af-4f8e-b61f-27d8114de5b3";

    /** The NinjaOne API client the sandbox accepts at /ninjaone/ws/oauth/token. */
    public static final String NINJA_CLIENT_ID = "scimpilot-sandbox-client";
    public static final String NINJA_CLIENT_SECRET = "sandbox-secret-not-for-production";

    public static final String BRENNWALD_TENANT_ID = "7c1e5a9d-3b2f-4e8a-9d6c-1f0e2b3a4c5d";
    public static final String BRENNWALD_DOMAIN = "brennwald-heilig.ch";
    public static final String BRENNWALD_COMPANY = "Brennwald + Heilig AG";
    public static final long BRENNWALD_ORG_ID = 12;

    public static final String SEEBERGER_TENANT_ID = "b4d2c8e1-6f3a-4b9d-8e7c-2a1f0d9e8c7b";
    public static final String SEEBERGER_DOMAIN = "seeberger-treuhand.ch";
    public static final String SEEBERGER_COMPANY = "Seeberger Treuhand GmbH";
    public static final long SEEBERGER_ORG_ID = 14;

    public static final String ALPENBLICK_TENANT_ID = "e9f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b";
    public static final String ALPENBLICK_DOMAIN = "alpenblick-haustechnik.ch";
    public static final String ALPENBLICK_COMPANY = "Alpenblick Sanitär + Heizung AG";
    public static final long ALPENBLICK_ORG_ID = 17;

    /** A new client: Entra ID P1, but no identity provider in NinjaOne yet (SAML SSO comes first). */
    public static final String BERGBLICK_TENANT_ID = "5d3f7b9e-2c4a-4e6b-8d1f-3a5c7e9b1d2f";
    public static final String BERGBLICK_DOMAIN = "bergblick-holzbau.ch";
    public static final String BERGBLICK_COMPANY = "Bergblick Holzbau AG";
    public static final long BERGBLICK_ORG_ID = 26;

    public static final String RHEINTAL_TENANT_ID = "2a8c4e6f-1b3d-4f5a-9c7e-0d2b4f6a8c1e";
    public static final String RHEINTAL_DOMAIN = "rheintal-logistik.ch";
    public static final String RHEINTAL_COMPANY = "Rheintal Logistik AG";
    public static final long RHEINTAL_ORG_ID = 21;
    /** Objects of the already-onboarded tenant. */
    public static final String RHEINTAL_GROUP_ID = "c0ffee00-21aa-4b6e-9d3c-5e7f9a1b2c3d";
    public static final String RHEINTAL_APP_OBJECT_ID = "c0ffee01-21aa-4b6e-9d3c-5e7f9a1b2c3d";
    public static final String RHEINTAL_APP_ID = "c0ffee02-21aa-4b6e-9d3c-5e7f9a1b2c3d";
    public static final String RHEINTAL_SP_ID = "c0ffee03-21aa-4b6e-9d3c-5e7f9a1b2c3d";
    public static final String RHEINTAL_END_USER_ROLE_ID = "c0ffee04-21aa-4b6e-9d3c-5e7f9a1b2c3d";
    public static final String RHEINTAL_JOB_ID = "scim.5f1e0c2b7a9d4e3f8c6b1a0d9e8f7c6b." + RHEINTAL_TENANT_ID;

    /** The MSP's own tenant (where the technicians are; the Teams tenant of the test activities). */
    public static final String MSP_TENANT_ID = "8f2c1e44-5b7d-4a39-9c0e-2d6f7a1b3c55";
    public static final String MSP_DOMAIN = "helvetia-it.ch";
    /** Anna: technician and approver by user id in local mode. */
    public static final String MSP_ANNA_ID = "a1b2c3d4-0000-4000-8000-000000000001";
    /** Bruno: approver by user id in local mode. */
    public static final String MSP_BRUNO_ID = "b2c3d4e5-0000-4000-8000-000000000002";
    /** Chiara: in no list by id in the tests; a technician only through the nested group Service Desk → SCIM Pilot Technicians. */
    public static final String MSP_CHIARA_ID = "c3d4e5f6-0000-4000-8000-000000000003";
    /** Dario: approver only through the group SCIM Pilot Approvers. */
    public static final String MSP_DARIO_ID = "d4e5f6a7-0000-4000-8000-000000000004";
    public static final String MSP_TECHNICIANS_GROUP_ID = "e5f6a7b8-0000-4000-8000-0000000000a1";
    public static final String MSP_APPROVERS_GROUP_ID = "e5f6a7b8-0000-4000-8000-0000000000a2";
    public static final String MSP_SERVICE_DESK_GROUP_ID = "e5f6a7b8-0000-4000-8000-0000000000a3";

    public static final String RUNBOOK_GROUP_RULE = "(user.assignedPlans -any (assignedPlan.servicePlanId -eq "
            + "\"9aaf7827-d63c-4b61-89c3-182f06f82e5c\" -and assignedPlan.capabilityStatus -eq \"Enabled\")) -and "
            + "(user.accountEnabled -eq true) -and (user.userType -eq \"Member\") -and -not (user.mail -match "
            + "\"backup|monitor|noreply|service|info\")";

    private static final String AAD_PREMIUM = GraphDirectory.AAD_PREMIUM;
    private static final String[][] BUSINESS_PREMIUM_PLANS = {
            {AAD_PREMIUM, "AAD_PREMIUM"}, {EXCHANGE_ONLINE_PLAN_1, "EXCHANGE_S_STANDARD"},
            {"c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A"}, {"8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM"},
            {"57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"}, {"c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD"}};
    private static final String[][] BUSINESS_STANDARD_PLANS = {
            {EXCHANGE_ONLINE_PLAN_1, "EXCHANGE_S_STANDARD"}, {"094e7854-93fc-4d55-b2c0-3ab5369ebdc1", "OFFICE_BUSINESS"},
            {"57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"}, {"c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD"}};

    private DemoData() {
    }

    static void load(SandboxState s) {
        s.ninja.apiClients.put(NINJA_CLIENT_ID, NINJA_CLIENT_SECRET);
        ninjaOrganizations(s);
        brennwald(s);
        seeberger(s);
        alpenblick(s);
        rheintal(s);
        msp(s);
        bergblick(s);
    }

    /** The MSP's own tenant: who may use SCIM Pilot, by group (scimpilot.access.directory-tenant). */
    private static void msp(SandboxState s) {
        Tenant t = tenant(s, MSP_TENANT_ID, "Helvetia IT Services AG", MSP_DOMAIN);
        sku(t, SKU_BUSINESS_PREMIUM, "SPB", 10, 4, BUSINESS_PREMIUM_PLANS);
        String c = "Helvetia IT Services AG";
        member(s, t, "anna.keller", "Anna", "Keller", c, "Technikerin").put("id", MSP_ANNA_ID);
        member(s, t, "bruno.weber", "Bruno", "Weber", c, "Teamleiter").put("id", MSP_BRUNO_ID);
        member(s, t, "chiara.bianchi", "Chiara", "Bianchi", c, "Service Desk").put("id", MSP_CHIARA_ID);
        member(s, t, "dario.meier", "Dario", "Meier", c, "Geschäftsführer").put("id", MSP_DARIO_ID);
        // member() keyed the users by their generated ids: re-key them by the fixed ones
        java.util.Map<String, ObjectNode> byId = new java.util.LinkedHashMap<>();
        t.users.values().forEach(u -> byId.put(u.path("id").asText(), u));
        t.users.clear();
        t.users.putAll(byId);
        staticGroup(t, MSP_SERVICE_DESK_GROUP_ID, "Service Desk", MSP_CHIARA_ID);
        staticGroup(t, MSP_TECHNICIANS_GROUP_ID, "SCIM Pilot Technicians", MSP_ANNA_ID, MSP_SERVICE_DESK_GROUP_ID);
        staticGroup(t, MSP_APPROVERS_GROUP_ID, "SCIM Pilot Approvers", MSP_BRUNO_ID, MSP_DARIO_ID);
    }

    private static void staticGroup(Tenant t, String id, String name, String... memberIds) {
        ObjectNode g = Json.obj();
        g.put("id", id);
        g.put("displayName", name);
        g.putArray("groupTypes");
        g.put("mailEnabled", false);
        g.put("mailNickname", name.replace(" ", ""));
        g.put("securityEnabled", true);
        ArrayNode members = g.putArray("members");
        for (String m : memberIds) {
            members.add(m);
        }
        t.groups.put(id, g);
    }

    /** No NinjaOne identity provider: onboarding must set up SAML SSO before NinjaOne lets anyone enable SCIM. */
    private static void bergblick(SandboxState s) {
        org(s, BERGBLICK_ORG_ID, BERGBLICK_COMPANY, "Holzbau und Zimmerei, Frutigen");
        Tenant t = tenant(s, BERGBLICK_TENANT_ID, BERGBLICK_COMPANY, BERGBLICK_DOMAIN, "bergblickholzbau.onmicrosoft.com");
        sku(t, SKU_BUSINESS_PREMIUM, "SPB", 10, 4, BUSINESS_PREMIUM_PLANS);
        String c = BERGBLICK_COMPANY;
        member(s, t, "peter.imboden", "Peter", "Imboden", c, "Inhaber");
        member(s, t, "nadja.rubin", "Nadja", "Rubin", c, "Administration");
        member(s, t, "luca.zurbruegg", "Luca", "Zurbrügg", c, "Zimmermann");
        member(s, t, "noreply", "No", "Reply", c, null);                       // excluded
    }

    private static void ninjaOrganizations(SandboxState s) {
        org(s, 3, "Helvetia IT Services (intern)", "Our own MSP organization");
        org(s, BRENNWALD_ORG_ID, BRENNWALD_COMPANY, "Gebäudetechnik, Winterthur");
        org(s, SEEBERGER_ORG_ID, SEEBERGER_COMPANY, "Treuhand und Steuerberatung, Luzern");
        org(s, ALPENBLICK_ORG_ID, ALPENBLICK_COMPANY, "Sanitär und Heizung, Thun");
        org(s, RHEINTAL_ORG_ID, RHEINTAL_COMPANY, "Spedition und Lager, Buchs SG");
        org(s, 24, "Bäckerei Zürcher GmbH", "No Microsoft 365 tenant managed by us");
        technician(s, 1, "Jonas", "Steiner", "jonas.steiner@helvetia-it.ch");
        technician(s, 2, "Mirjam", "Kälin", "mirjam.kaelin@helvetia-it.ch");
        ObjectNode manual = ninjaUser(s, 3, "Ruth", "Zürcher", "ruth@baeckerei-zuercher.ch", 24L);
        manual.put("invitationStatus", "REGISTERED");
    }

    private static void brennwald(SandboxState s) {
        Tenant t = tenant(s, BRENNWALD_TENANT_ID, BRENNWALD_COMPANY, BRENNWALD_DOMAIN, "brennwaldheilig.onmicrosoft.com");
        sku(t, SKU_BUSINESS_PREMIUM, "SPB", 25, 14, BUSINESS_PREMIUM_PLANS);
        String c = BRENNWALD_COMPANY;
        member(s, t, "anna.meier", "Anna", "Meier", c, "Geschäftsleitung");
        member(s, t, "beat.keller", "Beat", "Keller", c, "Leiter Technik");
        member(s, t, "claudia.frei", "Claudia", "Frei", c, "Buchhaltung");
        member(s, t, "daniel.huber", "Daniel", "Huber", c, "Projektleiter");
        member(s, t, "eva.schmid", "Eva", "Schmid", c, "Marketing");
        member(s, t, "fabian.brunner", "Fabian", "Brunner", c, "Servicetechniker");
        member(s, t, "sandra.wyss", "Sandra", "Wyss", c, "Empfang");
        member(s, t, "backup", "Backup", "Veeam", c, null);                    // service account: excluded by -match
        member(s, t, "noreply", "No", "Reply", c, null);                       // excluded
        member(s, t, "info", "Info", "Brennwald + Heilig", c, null);           // excluded
        member(s, t, "kinfo", "Kundeninfo", "Technik", c, null);               // excluded: -match is unanchored
        member(s, t, "customerservice", "Customer", "Service", c, null);       // excluded: contains "service"
        member(s, t, "gregor.wyss", "Gregor", "Wyss", c, "Lehrling (ausgetreten)").put("accountEnabled", false);
        ObjectNode guest = member(s, t, "lena.fischer_partner-ing.de#EXT#", "Lena", "Fischer", "Partner Ingenieure GmbH", null);
        guest.put("userPrincipalName", "lena.fischer_partner-ing.de#EXT#@brennwaldheilig.onmicrosoft.com");
        guest.put("mail", "lena.fischer@partner-ing.de");
        guest.put("userType", "Guest");
        guest.putArray("assignedPlans");
        ObjectNode noMailbox = member(s, t, "marco.rossi", "Marco", "Rossi", c, "Lager");
        noMailbox.putNull("mail");
        noMailbox.set("assignedPlans", plans(new String[][]{{AAD_PREMIUM, "AAD_PREMIUM"}}));
        s.enableScim(BRENNWALD_ORG_ID);
        s.backdateScimToken(BRENNWALD_ORG_ID, Instant.now().minus(Duration.ofDays(60)));
    }

    private static void seeberger(SandboxState s) {
        Tenant t = tenant(s, SEEBERGER_TENANT_ID, SEEBERGER_COMPANY, SEEBERGER_DOMAIN, "seebergertreuhand.onmicrosoft.com");
        sku(t, SKU_BUSINESS_STANDARD, "O365_BUSINESS_PREMIUM", 6, 4, BUSINESS_STANDARD_PLANS);
        String c = SEEBERGER_COMPANY;
        member(s, t, "peter.seeberger", "Peter", "Seeberger", c, "Inhaber");
        member(s, t, "irene.bucher", "Irene", "Bucher", c, "Treuhänderin");
        member(s, t, "thomas.amrein", "Thomas", "Amrein", c, "Steuerberater");
        member(s, t, "info", "Info", "Seeberger", c, null);
    }

    private static void alpenblick(SandboxState s) {
        Tenant t = tenant(s, ALPENBLICK_TENANT_ID, ALPENBLICK_COMPANY, ALPENBLICK_DOMAIN, "alpenblickhaustechnik.onmicrosoft.com");
        sku(t, SKU_BUSINESS_PREMIUM, "SPB", 10, 8, BUSINESS_PREMIUM_PLANS);
        member(s, t, "urs.gysin", "Urs", "Gysin", ALPENBLICK_COMPANY, "Inhaber");
        member(s, t, "stefan.widmer", "Stefan", "Widmer", ALPENBLICK_COMPANY, "Chefmonteur");
        member(s, t, "monika.baertschi", "Monika", "Bärtschi", "alpenblick sanitär + heizung ag", "Administration");
        member(s, t, "reto.ammann", "Reto", "Ammann", "Alpenblick Sanitär & Heizung AG", "Monteur");
        member(s, t, "petra.zbinden", "Petra", "Zbinden", "Alpenblick Sanitär + Heizung", "Disposition");
        member(s, t, "nicole.suter", "Nicole", "Suter", "", "Lernende");
        member(s, t, "lukas.hofer", "Lukas", "Hofer", null, "Monteur");
        member(s, t, "monitoring", "Monitoring", "Alerts", ALPENBLICK_COMPANY, null);
        s.enableScim(ALPENBLICK_ORG_ID);
        s.backdateScimToken(ALPENBLICK_ORG_ID, Instant.now().minus(Duration.ofDays(20)));
    }

    /** Onboarded two months ago; since then someone regenerated the token in NinjaOne but not in Entra. */
    private static void rheintal(SandboxState s) {
        Tenant t = tenant(s, RHEINTAL_TENANT_ID, RHEINTAL_COMPANY, RHEINTAL_DOMAIN, "rheintallogistik.onmicrosoft.com");
        sku(t, SKU_BUSINESS_PREMIUM, "SPB", 15, 6, BUSINESS_PREMIUM_PLANS);
        String c = RHEINTAL_COMPANY;
        List<ObjectNode> people = List.of(member(s, t, "martin.kobelt", "Martin", "Kobelt", c, "Geschäftsführer"),
                member(s, t, "jasmin.oehri", "Jasmin", "Öhri", c, "Disposition"),
                member(s, t, "andreas.gantenbein", "Andreas", "Gantenbein", c, "Lagerleiter"),
                member(s, t, "carla.hasler", "Carla", "Hasler", c, "Zoll"));
        member(s, t, "monitor", "Monitor", "Scanner", c, null);
        member(s, t, "nadine.frick", "Nadine", "Frick", c, "Buchhaltung (neu)");   // joined after the token broke

        ObjectNode group = Json.obj().put("id", RHEINTAL_GROUP_ID).put("displayName", "NinjaOne-EndUsers")
                .put("mailEnabled", false).put("mailNickname", "NinjaOne-EndUsers").put("securityEnabled", true)
                .put("membershipRule", RUNBOOK_GROUP_RULE).put("membershipRuleProcessingState", "On")
                .put("createdDateTime", "2026-09-22T09:14:00Z").putNull("mail").putNull("description");
        group.putArray("groupTypes").add("DynamicMembership");
        group.putArray("members");
        t.groups.put(RHEINTAL_GROUP_ID, group);

        ObjectNode app = Json.obj().put("id", RHEINTAL_APP_OBJECT_ID).put("appId", RHEINTAL_APP_ID)
                .put("displayName", "NinjaOne SCIM").put("createdDateTime", "2026-09-22T09:20:00Z")
                .put("signInAudience", "AzureADMyOrg").put("publisherDomain", RHEINTAL_DOMAIN);
        app.putArray("identifierUris");
        ArrayNode roles = app.putArray("appRoles");
        roles.add(GraphApps.role(GraphApps.MSIAM_ACCESS_ROLE, "msiam_access", "msiam_access", null, List.of("User")));
        roles.add(GraphApps.role("18d14569-c3bd-439b-9a66-3a2aee01d14f", "User", "User", null, List.of("User")));
        roles.add(GraphApps.role(RHEINTAL_END_USER_ROLE_ID, "EndUser", "End users that need to access the application",
                "endUser", List.of("User", "Application")));
        t.applications.put(RHEINTAL_APP_OBJECT_ID, app);
        ObjectNode sp = Json.obj().put("id", RHEINTAL_SP_ID).put("accountEnabled", true).put("appId", RHEINTAL_APP_ID)
                .put("appDisplayName", "NinjaOne SCIM").put("displayName", "NinjaOne SCIM")
                .put("appRoleAssignmentRequired", true).put("servicePrincipalType", "Application")
                .put("preferredSingleSignOnMode", "saml");
        sp.putArray("servicePrincipalNames").add(RHEINTAL_APP_ID);
        sp.putArray("tags").add("WindowsAzureActiveDirectoryCustomSingleSignOnApplication")
                .add("WindowsAzureActiveDirectoryIntegratedApp");
        sp.set("appRoles", roles.deepCopy());
        t.servicePrincipals.put(RHEINTAL_SP_ID, sp);
        ObjectNode assignment = Json.obj().put("id", "rheintal-assignment-1").put("appRoleId", RHEINTAL_END_USER_ROLE_ID)
                .put("createdDateTime", "2026-09-22T09:31:00Z").putNull("deletedDateTime")
                .put("principalDisplayName", "NinjaOne-EndUsers").put("principalId", RHEINTAL_GROUP_ID)
                .put("principalType", "Group").put("resourceDisplayName", "NinjaOne SCIM").put("resourceId", RHEINTAL_SP_ID);
        t.appRoleAssignedTo.computeIfAbsent(RHEINTAL_SP_ID, k -> new java.util.ArrayList<>()).add(assignment);

        SandboxState.ScimIdentityProvider idp = s.enableScim(RHEINTAL_ORG_ID);
        String outdatedToken = idp.token();
        // regenerated in NinjaOne 177 days ago → expires in ~5 days; Entra still holds the token from before
        s.regenerateScimToken(RHEINTAL_ORG_ID);
        s.backdateScimToken(RHEINTAL_ORG_ID, Instant.now().minus(SandboxState.SCIM_TOKEN_LIFETIME).plus(Duration.ofDays(5)));
        t.secrets.put(RHEINTAL_SP_ID, new java.util.LinkedHashMap<>(java.util.Map.of("BaseAddress", idp.scimBaseUrl(),
                "SecretToken", outdatedToken, "SyncAll", "false")));

        ObjectNode schema = SchemaTemplate.scim(GraphSync.ruleId(RHEINTAL_SP_ID));
        SchemaTemplate.addNinjaOneMappings(schema, "Switch([companyName], \"All\", \"" + c + "\", \"" + RHEINTAL_ORG_ID + "\")");
        SyncJob job = new SyncJob(RHEINTAL_JOB_ID, RHEINTAL_SP_ID, "scim", schema);
        Instant now = Instant.now();
        job.scheduleState = "Active";
        job.statusCode = "Quarantine";
        job.steadyStateFirstAchievedTime = now.minus(Duration.ofDays(66));
        job.steadyStateLastAchievedTime = now.minus(Duration.ofDays(4));
        job.lastSuccessfulExecution = execution(now.minus(Duration.ofDays(4)), "Succeeded", 4, null);
        job.lastExecution = execution(now.minus(Duration.ofHours(2)), "Failed", 0, ProvisioningRecorder.quarantineError());
        job.countSuccessiveCompleteFailures = 5;
        job.quarantine = Json.obj().put("currentBegan", Json.time(now.minus(Duration.ofHours(2))))
                .put("nextAttempt", Json.time(now.plus(Duration.ofHours(22))))
                .put("reason", "EncounteredQuarantineException")
                .put("seriesBegan", Json.time(now.minus(Duration.ofDays(3)))).put("seriesCount", 5);
        job.quarantine.set("error", ProvisioningRecorder.quarantineError());
        t.jobs.put(job.id, job);

        for (ObjectNode p : people) {
            ObjectNode u = ninjaUser(s, s.ninja.nextUserId++, p.path("givenName").asText(), p.path("surname").asText(),
                    p.path("mail").asText(), RHEINTAL_ORG_ID);
            long id = u.path("id").asLong();
            u.put("scimUserType", "endUser");
            s.ninja.scimResources.put(id, Json.obj().put("userName", p.path("userPrincipalName").asText())
                    .put("externalId", p.path("mailNickname").asText()));
            job.exported.put(p.path("id").asText(), String.valueOf(id));
            provisioningLog(s, t, job, p, String.valueOf(id), now.minus(Duration.ofDays(4)), null);
        }
        ObjectNode newcomer = t.users.values().stream()
                .filter(u -> u.path("mailNickname").asText().equals("nadine.frick")).findFirst().orElseThrow();
        provisioningLog(s, t, job, newcomer, null, now.minus(Duration.ofHours(2)), ProvisioningRecorder.quarantineError());
    }

    private static ObjectNode execution(Instant at, String state, int exported, ObjectNode error) {
        ObjectNode e = Json.obj().put("activityIdentifier", UUID.nameUUIDFromBytes(at.toString().getBytes()).toString())
                .put("countEntitled", 4).put("countEntitledForProvisioning", 4).put("countEscrowed", error == null ? 0 : 1)
                .put("countEscrowedRaw", error == null ? 0 : 1).put("countExported", exported).put("countExports", exported)
                .put("countImported", 5).put("countImportedDeltas", 1).put("countImportedReferenceDeltas", 0)
                .put("state", state).put("timeBegan", Json.time(at.minusSeconds(40))).put("timeEnded", Json.time(at));
        e.set("error", error);
        return e;
    }

    private static void provisioningLog(SandboxState s, Tenant t, SyncJob job, ObjectNode user, String targetId,
                                        Instant at, ObjectNode error) {
        ObjectNode l = Json.obj().put("id", s.newId()).put("activityDateTime", at.toString()).put("changeId", s.newId())
                .put("cycleId", s.newId()).put("durationInMilliseconds", 140).put("jobId", job.id)
                .put("provisioningAction", error == null ? "create" : "other");
        l.putArray("modifiedProperties");
        ObjectNode status = l.putObject("provisioningStatusInfo").put("status", error == null ? "success" : "failure");
        if (error != null) {
            status.putObject("errorInformation").put("errorCode", "ScimUnauthorized").put("errorCategory", "nonServiceFailure")
                    .put("reason", "invalid credentials: the SCIM endpoint answered HTTP 401 (Unauthorized). Check the Secret Token.")
                    .put("recommendedAction", "Update the Secret Token and test the connection.").putNull("additionalDetails");
        }
        l.putArray("provisioningSteps");
        l.putObject("servicePrincipal").put("id", RHEINTAL_SP_ID).put("displayName", "NinjaOne SCIM");
        ObjectNode src = l.putObject("sourceIdentity").put("id", user.path("id").asText())
                .put("displayName", user.path("displayName").asText()).put("identityType", "User");
        src.putObject("details").put("UserPrincipalName", user.path("userPrincipalName").asText());
        l.putObject("sourceSystem").put("id", "").put("displayName", SchemaTemplate.SOURCE);
        l.putObject("targetIdentity").put("id", targetId).put("displayName", user.path("userPrincipalName").asText())
                .put("identityType", SchemaTemplate.USER_OBJECT);
        l.putObject("targetSystem").put("id", "").put("displayName", SchemaTemplate.TARGET);
        t.provisioningLogs.add(l);
    }

    private static Tenant tenant(SandboxState s, String id, String name, String... domains) {
        Tenant t = new Tenant(id, name, List.of(domains));
        s.tenants.put(id, t);
        return t;
    }

    private static void sku(Tenant t, String skuId, String partNumber, int enabled, int consumed, String[][] plans) {
        ObjectNode sku = t.subscribedSkus.addObject();
        sku.put("accountId", t.id).put("accountName", t.displayName).put("appliesTo", "User")
                .put("capabilityStatus", "Enabled").put("consumedUnits", consumed).put("id", t.id + "_" + skuId)
                .put("skuId", skuId).put("skuPartNumber", partNumber);
        sku.putObject("prepaidUnits").put("enabled", enabled).put("lockedOut", 0).put("suspended", 0).put("warning", 0);
        ArrayNode sp = sku.putArray("servicePlans");
        for (String[] p : plans) {
            sp.addObject().put("appliesTo", "User").put("provisioningStatus", "Success").put("servicePlanId", p[0])
                    .put("servicePlanName", p[1]);
        }
        sku.putArray("subscriptionIds").add(UUID.nameUUIDFromBytes((t.id + skuId).getBytes()).toString());
    }

    private static ArrayNode plans(String[][] plans) {
        ArrayNode out = Json.arr();
        for (String[] p : plans) {
            out.addObject().put("assignedDateTime", "2025-03-01T08:00:00Z").put("capabilityStatus", "Enabled")
                    .put("service", p[1].startsWith("EXCHANGE") ? "exchange" : p[1].toLowerCase())
                    .put("servicePlanId", p[0]);
        }
        return out;
    }

    /** A licensed, enabled member with a mailbox; callers adjust what makes a user special. */
    private static ObjectNode member(SandboxState s, Tenant t, String local, String given, String surname,
                                     String company, String jobTitle) {
        ObjectNode u = Json.obj();
        String domain = t.domains.get(0);
        u.put("id", s.newId());
        u.putArray("businessPhones");
        u.put("displayName", given + " " + surname);
        u.put("givenName", given);
        u.put("jobTitle", jobTitle);
        u.put("mail", local + "@" + domain);
        u.putNull("mobilePhone");
        u.putNull("officeLocation");
        u.put("preferredLanguage", "de-CH");
        u.put("surname", surname);
        u.put("userPrincipalName", local + "@" + domain);
        u.put("accountEnabled", true);
        u.put("userType", "Member");
        u.put("companyName", company);
        u.putNull("department");
        u.put("mailNickname", local.replace("#", "_"));
        u.set("assignedPlans", plans(t.hasServicePlan(AAD_PREMIUM) ? BUSINESS_PREMIUM_PLANS : BUSINESS_STANDARD_PLANS));
        t.users.put(u.path("id").asText(), u);
        return u;
    }

    private static void org(SandboxState s, long id, String name, String description) {
        ObjectNode o = Json.obj().put("name", name).put("description", description).put("nodeApprovalMode", "AUTOMATIC")
                .put("id", id);
        o.putObject("userData");
        o.putArray("tags");
        o.putObject("fields");
        o.putArray("locations").addObject().put("id", id * 10).put("name", "Hauptsitz").put("description", "");
        o.putArray("policies");
        o.putObject("settings");
        s.ninja.organizations.put(id, o);
    }

    private static void technician(SandboxState s, long id, String first, String last, String email) {
        ObjectNode u = ninjaUser(s, id, first, last, email, null);
        u.put("userType", "TECHNICIAN");
        u.put("permitAllClients", true);
        u.put("invitationStatus", "REGISTERED");
    }

    private static ObjectNode ninjaUser(SandboxState s, long id, String first, String last, String email, Long orgId) {
        ObjectNode u = Json.obj().put("id", id).put("uid", UUID.nameUUIDFromBytes(("ninja-user-" + id).getBytes()).toString())
                .put("firstName", first).put("lastName", last).put("email", email).putNull("phone").put("enabled", true)
                .put("administrator", false).put("permitAllClients", false).put("notifyAllClients", false)
                .put("mustChangePw", false).put("mfaConfigured", false).put("userType", "END_USER")
                .put("invitationStatus", "PENDING");
        if (orgId == null) {
            u.putNull("organizationId");
        } else {
            u.put("organizationId", orgId);
        }
        u.putArray("deviceIds");
        u.putArray("assignedDeviceIds");
        u.putArray("tags");
        u.putObject("fields");
        s.ninja.users.put(id, u);
        return u;
    }
}
