package dev.scimpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox over plain HTTP: login endpoints, token checks, and the /_sandbox control API used by local mode. */
class SandboxHttpTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sb;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void openIdDiscoveryMapsADomainToItsTenantAndAnUnknownDomainIs400WithAadsts90002() throws Exception {
        var ok = get(sb.authorityHost() + "/" + DemoData.BRENNWALD_DOMAIN + "/v2.0/.well-known/openid-configuration", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode config = JSON.readTree(ok.body());
        assertThat(config.path("issuer").asText())
                .isEqualTo("https://login.microsoftonline.com/" + DemoData.BRENNWALD_TENANT_ID + "/v2.0");
        assertThat(config.path("token_endpoint").asText())
                .isEqualTo(sb.authorityHost() + "/" + DemoData.BRENNWALD_TENANT_ID + "/oauth2/v2.0/token");
        var unknown = get(sb.authorityHost() + "/unknown-client.ch/v2.0/.well-known/openid-configuration", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("AADSTS90002");
    }

    @Test
    void theTokenEndpointIssuesATokenGraphAcceptsForThatTenant() throws Exception {
        var token = http.send(HttpRequest.newBuilder(URI.create(sb.authorityHost() + "/" + DemoData.SEEBERGER_DOMAIN
                        + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=app&client_secret=x"
                        + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")).build(), HttpResponse.BodyHandlers.ofString());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        var org = get(sb.graphBaseUrl() + "/organization", accessToken);
        assertThat(JSON.readTree(org.body()).path("value").path(0).path("displayName").asText())
                .isEqualTo(DemoData.SEEBERGER_COMPANY);
    }

    @Test
    void expiredWrongAudienceAndUnknownTenantTokensAre401() throws Exception {
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        assertThat(get(sb.graphBaseUrl() + "/users", jwt(DemoData.BRENNWALD_TENANT_ID, "https://graph.microsoft.com", past))
                .body()).contains("Lifetime validation failed");
        assertThat(get(sb.graphBaseUrl() + "/users", jwt(DemoData.BRENNWALD_TENANT_ID, "https://vault.azure.net", future))
                .body()).contains("Invalid audience");
        var unknown = get(sb.graphBaseUrl() + "/users", jwt("00000000-0000-0000-0000-000000000001",
                "https://graph.microsoft.com", future));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void theControlApiShowsStateInjectsFaultsAndEnablesScim() throws Exception {
        JsonNode state = JSON.readTree(get(sb.baseUrl() + "/_sandbox/state", null).body());
        assertThat(state.path("tenants").path(DemoData.RHEINTAL_TENANT_ID).path("jobs").path(0).path("status")
                .path("code").asText()).isEqualTo("Quarantine");
        assertThat(state.path("ninjaone").path("organizations")).hasSize(7);

        var faults = post(sb.baseUrl() + "/_sandbox/faults",
                "{\"failNext\":{\"count\":1,\"pathRegex\":\"/organization$\",\"status\":503},\"latencyMillis\":100}");
        assertThat(faults.statusCode()).isEqualTo(204);
        String token = sb.graphToken(DemoData.BRENNWALD_TENANT_ID);
        long t0 = System.nanoTime();
        var failed = get(sb.graphBaseUrl() + "/organization", token);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).contains("1");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(get(sb.graphBaseUrl() + "/organization", token).statusCode()).isEqualTo(200);

        JsonNode idp = JSON.readTree(post(sb.baseUrl() + "/_sandbox/ninjaone/organizations/14/scim", "").body());
        assertThat(idp.path("scimBaseUrl").asText()).isEqualTo(sb.scimBaseUrl(DemoData.SEEBERGER_ORG_ID));
        JsonNode rotated = JSON.readTree(post(sb.baseUrl() + "/_sandbox/ninjaone/organizations/14/scim/token", "").body());
        assertThat(rotated.path("token").asText()).isNotEqualTo(idp.path("token").asText());
        assertThat(get(idp.path("scimBaseUrl").asText() + "/Users", idp.path("token").asText()).statusCode()).isEqualTo(401);
        assertThat(get(idp.path("scimBaseUrl").asText() + "/Users", rotated.path("token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void theNinjaOneApiNeedsABearerFromItsTokenEndpoint() throws Exception {
        assertThat(get(sb.ninjaOneBaseUrl() + "/v2/organizations", null).statusCode()).isEqualTo(401);
        var token = http.send(HttpRequest.newBuilder(URI.create(sb.ninjaOneBaseUrl() + "/ws/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + DemoData.NINJA_CLIENT_ID + "&client_secret=" + DemoData.NINJA_CLIENT_SECRET + "&scope=monitoring"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode t = JSON.readTree(token.body());
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asLong()).isEqualTo(3600);
        var users = get(sb.ninjaOneBaseUrl() + "/v2/users?userType=TECHNICIAN", t.path("access_token").asText());
        assertThat(JSON.readTree(users.body())).hasSize(2);
    }

    private HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(String tid, String aud, long exp) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"tid\":\"" + tid + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}";
        return b.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
