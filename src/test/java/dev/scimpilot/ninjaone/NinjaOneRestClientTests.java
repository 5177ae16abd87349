package dev.scimpilot.ninjaone;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimpilot.sandbox.Sandbox;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NinjaOne REST client against the sandbox's NinjaOne API on loopback. */
class NinjaOneRestClientTests {

    private Sandbox sb;
    private NinjaOneRestClient ninja;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
        ninja = client(NINJA_CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private NinjaOneRestClient client(String secret) {
        return new NinjaOneRestClient(new NinjaOneProperties(sb.ninjaOneBaseUrl(), NINJA_CLIENT_ID, secret, null,
                Duration.ofSeconds(5)));
    }

    @Test
    void listsTheClientOrganizationsAndReadsOneById() {
        assertThat(ninja.organizations()).extracting(NinjaOrganization::name)
                .contains(BRENNWALD_COMPANY, SEEBERGER_COMPANY, ALPENBLICK_COMPANY, RHEINTAL_COMPANY);
        assertThat(ninja.organization(BRENNWALD_ORG_ID)).get().extracting(NinjaOrganization::name).isEqualTo(BRENNWALD_COMPANY);
        assertThat(ninja.organization(999)).isEmpty();
    }

    @Test
    void organizationsArePagedWithPageSizeAndAfter() {
        var paged = new NinjaOneRestClient(new NinjaOneProperties(sb.ninjaOneBaseUrl(), NINJA_CLIENT_ID,
                NINJA_CLIENT_SECRET, null, Duration.ofSeconds(5)), 4);
        assertThat(paged.organizations()).extracting(NinjaOrganization::id).containsExactly(3L, 12L, 14L, 17L, 21L, 24L, 26L);
        assertThat(sb.requests()).filteredOn(r -> r.path().endsWith("/v2/organizations")).extracting(r -> r.query())
                .containsExactly("pageSize=4", "pageSize=4&after=17");
    }

    @Test
    void manyCallsShareOneCachedAccessToken() {
        for (int i = 0; i < 5; i++) {
            ninja.organizations();
            ninja.endUsers(RHEINTAL_ORG_ID);
        }
        assertThat(sb.requests()).filteredOn(r -> r.path().endsWith("/ws/oauth/token")).hasSize(1);
        assertThat(sb.requests()).filteredOn(r -> r.path().startsWith("/ninjaone/v2/")).hasSize(10)
                .allMatch(Sandbox.RecordedRequest::bearer);
    }

    @Test
    void aWrongClientSecretGivesAClearErrorThatDoesNotContainTheSecret() {
        NinjaOneRestClient wrong = client("very-secret-value-123");
        assertThatThrownBy(wrong::organizations).isInstanceOfSatisfying(NinjaOneException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("rejected the API client credentials").contains(NINJA_CLIENT_ID)
                    .doesNotContain("very-secret-value-123");
        });
    }

    @Test
    void endUsersOfTheOnboardedOrganizationAreListedAndAnUnknownOrganizationIsA404() {
        assertThat(ninja.endUsers(RHEINTAL_ORG_ID)).hasSize(4).allSatisfy(u -> {
            assertThat(u.organizationId()).isEqualTo(RHEINTAL_ORG_ID);
            assertThat(u.email()).endsWith("@" + RHEINTAL_DOMAIN);
        });
        assertThatThrownBy(() -> ninja.endUsers(999)).isInstanceOfSatisfying(NinjaOneException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aScimUserWithOrganizationAllBecomesAGlobalEndUser() throws Exception {
        var idp = sb.state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        HttpResponse<String> created = scimPost(idp.scimBaseUrl(), idp.token(), "All");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ninja.globalEndUsers()).singleElement().satisfies(u -> {
            assertThat(u.email()).isEqualTo("temp.worker@brennwald-heilig.ch");
            assertThat(u.isGlobal()).isTrue();
        });
    }

    @Test
    void anExpiredScimTokenIsRejectedWith401() throws Exception {
        var idp = sb.state().backdateScimToken(BRENNWALD_ORG_ID, Instant.now().minus(Duration.ofDays(200)));
        assertThat(scimPost(idp.scimBaseUrl(), idp.token(), String.valueOf(BRENNWALD_ORG_ID)).statusCode()).isEqualTo(401);
        assertThat(ninja.endUsers(BRENNWALD_ORG_ID)).isEmpty();
    }

    @Test
    void anUnreachableNinjaOneFailsFastWithAClearError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var offline = new NinjaOneRestClient(new NinjaOneProperties("http://127.0.0.1:" + closedPort, NINJA_CLIENT_ID,
                NINJA_CLIENT_SECRET, null, Duration.ofSeconds(2)));
        assertThatThrownBy(offline::organizations).isInstanceOf(NinjaOneException.class).hasMessageContaining("unreachable");
    }

    @Test
    void propertiesNeverPrintTheClientSecret() {
        var props = new NinjaOneProperties("https://eu.ninjarmm.com", "id", "s3cr3t", null, null);
        assertThat(props.toString()).doesNotContain("s3cr3t").contains("<redacted>");
        assertThat(props.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> scimPost(String base, String token, String org) throws Exception {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"temp.worker@brennwald-heilig.ch",
                 "active":true,"name":{"givenName":"Temp","familyName":"Worker"},
                 "emails":[{"type":"work","primary":true,"value":"temp.worker@brennwald-heilig.ch"}],
                 "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User":{"userType":"endUser","organizationId":"%s"}}
                """.formatted(org);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/Users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
