package dev.scimpilot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.SynchronizationSchema;
import dev.scimpilot.cards.CardTemplates;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code check provisioning} through the bot against a sandbox of its own (tests here change tenants): each finding of
 * the issue by name — quarantined job (Rheintal), companyName variants and global end users (Alpenblick), drifted
 * mapping, missing P1 (Seeberger), unreachable tenant — and the fleet card, worst first, within Teams' size limit.
 */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.four-eyes=false"})
class HealthChatIT {

    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = Sandbox.start(0);
    static final String UNKNOWN_TENANT = "0badc0de-0000-4000-8000-000000000000";

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        sandbox.scimPilotProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("scimpilot.scim.allowed-hosts", () -> "127.0.0.1");
        registry.add("scimpilot.scim.allow-loopback", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired ClientRegistry registry;
    @Autowired SecretVault vault;
    @Autowired GraphClients graph;
    @Autowired CardTemplates cards;
    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
        registry.all().forEach(c -> registry.delete(c.id()));
    }

    @AfterAll
    static void stop() {
        teams.close();
        sandbox.close();
    }

    @Test
    void quarantinedJobIsNamedWithItsLogFailuresTheGapAndRotateToken() {
        registry.save(rheintal());

        bot.post(activities.message("check provisioning rheintal"));
        assertThat(texts()).anyMatch(t -> t.contains("Checking Rheintal Logistik AG"));
        String card = awaitCard(c -> c.contains("Provisioning health: Rheintal Logistik AG"));

        assertThat(card).contains("Not provisioning").contains("Quarantine").contains("EncounteredQuarantineException")
                .contains("Provisioning errors (24 h)").contains("ScimUnauthorized").contains("nadine.frick@rheintal-logistik.ch")
                .contains("5 in scope").contains("4 in NinjaOne org 21")
                .contains("1 licensed user in scope not in NinjaOne: 1 failed (ScimUnauthorized): nadine.frick@rheintal-logistik.ch")
                .contains("Likely cause: Provisioning stopped: check the token expiry date")
                .contains("token.rotate").contains("Rotate token")
                .contains("days left");
        // the registry remembers the check
        bot.post(activities.message("client rheintal"));
        assertThat(lastCard()).contains("unhealthy").contains("checked");
    }

    @Test
    void companyNameVariantsAndGlobalEndUsersOfTheDomain() throws Exception {
        registry.save(alpenblick());
        // what Entra's fallback "All" does with a companyName the Switch misses: a global end user in NinjaOne
        createGlobalEndUser(DemoData.ALPENBLICK_ORG_ID, "reto.ammann@" + DemoData.ALPENBLICK_DOMAIN);

        bot.post(activities.message("check provisioning alpenblick"));
        String card = awaitCard(c -> c.contains("Provisioning health: " + DemoData.ALPENBLICK_COMPANY));

        assertThat(card).contains("companyName coverage")
                .contains("\\\"alpenblick sanitär + heizung ag\\\" ×1").contains("\\\"Alpenblick Sanitär & Heizung AG\\\" ×1")
                .contains("(empty) ×2").contains("they become global end users (fallback All)")
                .contains("Global end users").contains("reto.ammann@alpenblick-haustechnik.ch")
                .contains("Users appear as global (not org-specific)");
    }

    @Test
    void driftedMappingIsNamedAndRepairPlansOnlyTheDriftedStep() {
        registry.save(rheintal());
        var schemaCalls = graph.forTenant(DemoData.RHEINTAL_TENANT_ID).servicePrincipals()
                .byServicePrincipalId(DemoData.RHEINTAL_SP_ID).synchronization().jobs()
                .bySynchronizationJobId(DemoData.RHEINTAL_JOB_ID).schema();
        SynchronizationSchema schema = schemaCalls.get();
        schema.getSynchronizationRules().forEach(r -> r.getObjectMappings().forEach(m -> m.getAttributeMappings().forEach(a -> {
            if (a.getTargetAttributeName() != null && a.getTargetAttributeName().endsWith(":organizationId")) {
                a.getSource().setExpression("Switch([companyName], \"All\", \"Rheintal Logistik\", \"21\")");
            }
        })));
        // the SDK builds the schema write only as PATCH; Graph wants PUT (graph-api.md §6d)
        schema.getBackingStore().setIsInitializationCompleted(false);
        var put = schemaCalls.toPatchRequestInformation(schema);
        put.httpMethod = com.microsoft.kiota.HttpMethod.PUT;
        java.util.HashMap<String, com.microsoft.kiota.serialization.ParsableFactory<? extends com.microsoft.kiota.serialization.Parsable>>
                errors = new java.util.HashMap<>();
        errors.put("XXX", com.microsoft.graph.models.odataerrors.ODataError::createFromDiscriminatorValue);
        graph.forTenant(DemoData.RHEINTAL_TENANT_ID).getRequestAdapter().sendPrimitive(put, errors, Void.class);

        bot.post(activities.message("check provisioning Rheintal Logistik AG"));
        String card = awaitCard(c -> c.contains("Provisioning health: Rheintal Logistik AG"));

        assertThat(card).contains("Drift: 6 · SCIM provisioning")
                .contains("mapping (expression, Always): Switch([companyName], \\\"All\\\", \\\"Rheintal Logistik AG\\\", \\\"21\\\")")
                .contains("onboard.repair").contains("\"title\":\"Repair\"");

        teams.reset();
        bot.post(activities.execute("onboard.repair", activities.data().put("clientId", "c-rheintal"), "act-health"));
        String plan = awaitCard(c -> c.contains("run.approve") || c.contains("Onboard client"));
        assertThat(plan).contains("Rheintal Logistik AG").contains("6 · SCIM provisioning");
    }

    @Test
    void throttledReadsAreRetriedAfterRetryAfterAndTheCheckStillNamesEverything() {
        registry.save(rheintal());
        // two 429s with Retry-After: 1 on the provisioning logs; the Graph SDK's retry handler waits and asks again
        sandbox.faults().failNext(2, "/auditLogs/provisioning", 429);
        sandbox.clearRequests();
        try {
            bot.post(activities.message("check provisioning rheintal"));
            String card = awaitCard(c -> c.contains("Provisioning health: Rheintal Logistik AG"));
            assertThat(card).contains("Provisioning errors (24 h)").contains("ScimUnauthorized").doesNotContain("could not be checked");
            assertThat(sandbox.requests().stream().filter(r -> r.path().endsWith("/auditLogs/provisioning")).count()).isEqualTo(3);
        } finally {
            sandbox.faults().reset();
        }
    }

    @Test
    void samlSigningCertificateShowsDaysLeftAndAHandReplacedOneIsReportedAsSuch() {
        registry.save(rheintal());
        var sp = graph.forTenant(DemoData.RHEINTAL_TENANT_ID).servicePrincipals().byServicePrincipalId(DemoData.RHEINTAL_SP_ID);
        String recorded = addSigningCertificate(sp, 40);
        registry.saveSamlCertificate("c-rheintal", new dev.scimpilot.clients.SamlCertificate(recorded,
                Instant.now().plus(40, ChronoUnit.DAYS)));

        bot.post(activities.message("check provisioning rheintal"));
        String card = awaitCard(c -> c.contains("Provisioning health: Rheintal Logistik AG"));
        assertThat(card).contains("SAML signing certificate").contains("40 days left").contains(recorded.substring(0, 6))
                .contains("sign-in to NinjaOne stops when it does")
                .contains("New Certificate").contains("Make certificate active").contains("Import metadata from URL again")
                .doesNotContain("replaced by hand");

        // someone replaced it in the Entra portal: the check says so and the registry follows the new certificate
        String replacement = addSigningCertificate(sp, 900);
        teams.reset();
        bot.post(activities.message("check provisioning rheintal"));
        card = awaitCard(c -> c.contains("Provisioning health: Rheintal Logistik AG"));
        assertThat(card).contains("replaced by hand in Entra (recorded " + recorded.substring(0, 6))
                .contains("now signs with " + replacement.substring(0, 6)).contains("900 days left");
        assertThat(registry.samlCertificate("c-rheintal")).get().extracting(dev.scimpilot.clients.SamlCertificate::thumbprint)
                .isEqualTo(replacement);
    }

    @Test
    void anExpiredSamlCertificateIsRedEvenWhenTheTenantIsUnreachable() {
        registry.save(client("c-gone", "Verschwunden AG", "verschwunden.ch", UNKNOWN_TENANT, 99, null, null, null, null,
                "NinjaOne", 200));
        registry.saveSamlCertificate("c-gone", new dev.scimpilot.clients.SamlCertificate("AB12CD34EF", Instant.now().minus(3,
                ChronoUnit.DAYS)));
        bot.post(activities.message("check provisioning verschwunden"));
        String card = awaitCard(c -> c.contains("Provisioning health: Verschwunden AG"));
        assertThat(card).contains("SAML signing certificate").contains("(3 days ago)")
                .contains("sign-in to NinjaOne through Entra fails");
    }

    /** A token-signing certificate valid for {@code days}, made the app's preferred one, as the Entra portal does. */
    private static String addSigningCertificate(com.microsoft.graph.serviceprincipals.item.ServicePrincipalItemRequestBuilder sp,
            int days) {
        var body = new com.microsoft.graph.serviceprincipals.item.addtokensigningcertificate.AddTokenSigningCertificatePostRequestBody();
        body.setDisplayName("CN=NinjaOne SAML test");
        body.setEndDateTime(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(days));
        String thumbprint = sp.addTokenSigningCertificate().post(body).getThumbprint();
        var preferred = new com.microsoft.graph.models.ServicePrincipal();
        preferred.setPreferredTokenSigningKeyThumbprint(thumbprint);
        sp.patch(preferred);
        return thumbprint;
    }

    @Test
    void missingP1IsNamed() {
        registry.save(client("c-seeberger", DemoData.SEEBERGER_COMPANY, DemoData.SEEBERGER_DOMAIN, DemoData.SEEBERGER_TENANT_ID,
                DemoData.SEEBERGER_ORG_ID, null, null, null, null, "NinjaOne", 120));

        bot.post(activities.message("check provisioning seeberger"));
        String card = awaitCard(c -> c.contains("Provisioning health: " + DemoData.SEEBERGER_COMPANY));

        assertThat(card).contains("Entra ID P1").contains("No Entra ID P1").contains("provisioning logs need Entra ID P1");
    }

    @Test
    void fleetCardIsWorstFirstAndAnUnreachableTenantFailsNobodyElse() {
        registry.save(rheintal());
        registry.save(client("c-seeberger", DemoData.SEEBERGER_COMPANY, DemoData.SEEBERGER_DOMAIN, DemoData.SEEBERGER_TENANT_ID,
                DemoData.SEEBERGER_ORG_ID, null, null, null, null, "NinjaOne", 120));
        registry.save(client("c-gone", "Verschwunden AG", "verschwunden.ch", UNKNOWN_TENANT, 99, null, null, null, null,
                "NinjaOne", 200));

        bot.post(activities.message("check all"));
        assertThat(texts()).anyMatch(t -> t.contains("Checking 3 clients"));
        String card = awaitCard(c -> c.contains("Provisioning health: all 3 clients"));

        assertThat(card).contains("Tenant unreachable").contains("Verschwunden AG");
        // red first, fewest days left first: Rheintal (token ~5 days) before the others
        assertThat(card.indexOf("Rheintal Logistik AG")).isLessThan(card.indexOf("Verschwunden AG"));
        assertThat(card).contains("health.check");

        bot.post(activities.message("client verschwunden"));
        assertThat(lastCard()).contains("unreachable");
        bot.post(activities.message("clients"));
        assertThat(lastCard()).contains("✖ unreachable").contains("✖ unhealthy");

        // the CSV: a download link; the file has the registry columns plus the status of the last check
        bot.post(activities.message("clients csv"));
        String reply = texts().get(texts().size() - 1);
        var link = java.util.regex.Pattern.compile("\\((http://localhost:\\d+)(/downloads/[A-Za-z0-9_-]+/clients\\.csv)\\)")
                .matcher(reply);
        assertThat(link.find()).as(reply).isTrue();
        String csv = get(link.group(2));
        assertThat(csv).startsWith("Client,NinjaOne Org ID,Email Domain,SCIM Token Expiry,Token Days Left,Entra Tenant ID,Status")
                .contains("Verschwunden AG,99,verschwunden.ch,").contains(UNKNOWN_TENANT + ",unreachable,")
                .contains("Rheintal Logistik AG,21,rheintal-logistik.ch,");
    }

    @Test
    void checkButtonOnTheClientCardChecksThatClient() {
        registry.save(client("c-seeberger", DemoData.SEEBERGER_COMPANY, DemoData.SEEBERGER_DOMAIN, DemoData.SEEBERGER_TENANT_ID,
                DemoData.SEEBERGER_ORG_ID, null, null, null, null, "NinjaOne", 120));
        bot.post(activities.execute("health.check", activities.data().put("clientId", "c-seeberger"), "act-client"));
        assertThat(awaitCard(c -> c.contains("Provisioning health: " + DemoData.SEEBERGER_COMPANY))).contains("Entra ID P1");
    }

    @Test
    void unknownClientAndMissingArgumentGetAClearAnswer() {
        bot.post(activities.message("check provisioning"));
        assertThat(texts()).anyMatch(t -> t.contains("Which client?"));
        bot.post(activities.message("check provisioning nobody"));
        assertThat(texts()).anyMatch(t -> t.contains("No client matches `nobody`"));
        bot.post(activities.message("check provisioning all"));
        assertThat(texts()).anyMatch(t -> t.contains("The registry is empty"));
    }

    @Test
    void fleetCardOf500ClientsStaysWithinTheTeamsLimit() {
        List<ClientHealth> fleet = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "Genossenschaft für Alters- und Pflegeheime im Oberen Emmental " + i;
            List<Finding> findings = List.of(i % 7 == 0
                    ? Finding.fail("Provisioning job", "Quarantine (EncounteredQuarantineException: You appear to have "
                            + "entered invalid credentials: the SCIM endpoint answered HTTP 401)", Causes.STOPPED, Finding.ROTATE)
                    : Finding.warn("SCIM token", (i % 30) + " days left", Causes.STOPPED, Finding.ROTATE));
            fleet.add(ClientHealth.of("c-" + i, name, Instant.now(), i % 30, findings, i % 50 != 0));
        }
        String json = cards.expand("fleet-health", FleetCheck.fleetCard(fleet, Instant.now())).toString();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
        assertThat(json).contains("all 500 clients").contains("more that need attention");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Client rheintal() {
        String url = sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID);
        return client("c-rheintal", DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID,
                DemoData.RHEINTAL_ORG_ID, DemoData.RHEINTAL_GROUP_ID, DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, url,
                "NinjaOne SCIM", 5);
    }

    private Client alpenblick() {
        return client("c-alpenblick", DemoData.ALPENBLICK_COMPANY, DemoData.ALPENBLICK_DOMAIN, DemoData.ALPENBLICK_TENANT_ID,
                DemoData.ALPENBLICK_ORG_ID, null, null, null, sandbox.scimBaseUrl(DemoData.ALPENBLICK_ORG_ID), "NinjaOne", 160);
    }

    private Client client(String id, String name, String domain, String tenant, long org, String groupId, String spId,
            String jobId, String scimUrl, String appName, int daysLeft) {
        Instant now = Instant.now();
        SecretRef ref = vault.put("scim-" + id, Secret.of("token-of-" + id), now.plus(daysLeft, ChronoUnit.DAYS));
        return new Client(id, name, org, name, domain, tenant, List.of(name), "All", "NinjaOne-EndUsers", groupId, appName,
                null, null, spId, jobId, scimUrl, ref.name(), ref.version(), now.minus(30, ChronoUnit.DAYS),
                now.plus(daysLeft, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "conv", "Anna", now.minus(30, ChronoUnit.DAYS),
                null, now);
    }

    private void createGlobalEndUser(long org, String email) throws Exception {
        var idp = sandbox.state().scimIdentityProvider(org).orElseThrow();
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                 "emails":[{"value":"%s","primary":true}],
                 "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User":{"organizationId":"All","userType":"endUser"}}
                """.formatted(email, email);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(idp.scimBaseUrl() + "/Users"))
                .header("Authorization", "Bearer " + idp.token()).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> texts() {
        return teams.calls().stream().map(c -> c.body().path("text").asText()).toList();
    }

    private String lastCard() {
        var calls = teams.calls();
        return calls.get(calls.size() - 1).body().path("attachments").path(0).path("content").toString();
    }

    private String awaitCard(Predicate<String> match) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            for (var call : teams.calls()) {
                String card = call.body().path("attachments").path(0).path("content").toString();
                if (match.test(card)) {
                    return card;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such card; texts: " + texts());
    }
}
