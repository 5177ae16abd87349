package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import dev.scimpilot.testing.TestAppCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an app id configured every request needs a valid Bot Framework JWT, checked against the
 * configured OpenID metadata (a local JWKS here) with the pinned java-jwt/jwks-rsa versions; outbound
 * connector calls go through the pinned OkHttp/Retrofit stack and carry the bot's token.
 */
@BotIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "scimpilot.access.technicians=" + dev.scimpilot.testing.TeamsActivities.TECHNICIAN_AAD)
class InboundAuthIT {

    static final String APP_ID = "5c3a9e71-8d2f-4b6a-a1c4-7e9d0f2b8a63";
    static final FakeTeams teams = FakeTeams.start();

    @DynamicPropertySource
    static void botIdentity(DynamicPropertyRegistry registry) {
        registry.add("scimpilot.bot.app-id", () -> APP_ID);
        registry.add("scimpilot.bot.app-password", () -> "not-used-offline");
        registry.add("scimpilot.bot.app-tenant-id", () -> TeamsActivities.TENANT);
        registry.add("scimpilot.bot.openid-metadata-url", teams::openIdMetadataUrl);
    }

    @LocalServerPort
    int port;

    TeamsActivities activities;
    BotEndpoint bot;

    @BeforeEach
    void setUp() {
        teams.reset();
        activities = new TeamsActivities(teams.serviceUrl());
        bot = new BotEndpoint(port);
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void validTokenIsAcceptedAndTheReplyCarriesTheBotsOutboundToken() {
        var answer = bot.post(activities.message("cancel"), teams.token(APP_ID));

        assertThat(answer.status()).isBetween(200, 202);
        assertThat(teams.calls()).hasSize(1);
        assertThat(teams.calls().get(0).authorization()).isEqualTo("Bearer " + TestAppCredentials.TOKEN);
        assertThat(teams.calls().get(0).body().path("text").asText()).isEqualTo("There is nothing to cancel here.");
    }

    @Test
    void validTokenWorksForInvokesToo() {
        var answer = bot.post(activities.execute("run.unknown", activities.data(), "a"), teams.token(APP_ID));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(teams.calls()).hasSize(1);
    }

    @Test
    void missingTokenIs401() {
        assertRejected(bot.post(activities.message("help"), null));
    }

    @Test
    void garbageTokenIs401() {
        assertRejected(bot.post(activities.message("help").toString(), "Bearer garbage"));
        assertRejected(bot.post(activities.message("help").toString(), "Basic dXNlcjpwYXNz"));
    }

    @Test
    void forgedSignatureIs401() {
        assertRejected(bot.post(activities.message("help"), teams.forgedToken(APP_ID)));
    }

    @Test
    void unsignedAlgNoneIs401() {
        assertRejected(bot.post(activities.message("help"), teams.unsignedToken(APP_ID)));
    }

    @Test
    void expiredTokenIs401() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertRejected(bot.post(activities.message("help"), teams.token(APP_ID, b -> b
                .withIssuedAt(Date.from(past)).withNotBefore(Date.from(past))
                .withExpiresAt(Date.from(past.plus(Duration.ofMinutes(30)))))));
    }

    @Test
    void notYetValidTokenIs401() {
        Instant future = Instant.now().plus(Duration.ofHours(2));
        assertRejected(bot.post(activities.message("help"), teams.token(APP_ID, b -> b
                .withNotBefore(Date.from(future)).withExpiresAt(Date.from(future.plus(Duration.ofHours(1)))))));
    }

    @Test
    void wrongAudienceIs401() {
        assertRejected(bot.post(activities.message("help"), teams.token(APP_ID, b -> b.withAudience("someone-elses-bot"))));
    }

    @Test
    void wrongIssuerIs401() {
        assertRejected(bot.post(activities.message("help"), teams.token(APP_ID, b -> b.withIssuer("https://evil.example"))));
    }

    @Test
    void serviceUrlClaimNotMatchingTheActivityIs401() {
        ObjectNode activity = activities.message("help");
        activity.put("serviceUrl", "https://attacker.example/connector/");
        assertRejected(bot.post(activity, teams.token(APP_ID)));
    }

    private void assertRejected(BotEndpoint.Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(teams.calls()).as("no handler may run for a rejected request").isEmpty();
    }
}
