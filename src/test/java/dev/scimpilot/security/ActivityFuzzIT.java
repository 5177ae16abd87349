package dev.scimpilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.SandboxApp;
import dev.scimpilot.testing.TeamsActivities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.scimpilot.chat.TurnQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * 10,000 mutated activities, as an attacker with a valid Bot Framework token (or a buggy client) could send:
 * missing and mistyped fields, unknown types and verbs, forged card data, huge and truncated bodies. The bot
 * never answers 5xx, no acknowledged message's turn fails (its failure would not show as a status), changes nothing (no run, no registry entry, no tenant object), and stays healthy.
 */
@BotIntegrationTest
@TestPropertySource(properties = {
        "scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
        "scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
        "scimpilot.access.commands-per-minute=100000",
        "logging.level.dev.scimpilot=WARN", "logging.level.audit=WARN", "logging.level.root=ERROR"})
class ActivityFuzzIT {

    static final String APP_ID = "5c3a9e71-8d2f-4b6a-a1c4-7e9d0f2b8a63";
    static final FakeTeams teams = FakeTeams.start();
    static final Sandbox sandbox = SandboxApp.sandbox();
    static final int CASES = 10_000;
    static final List<String> VERBS = List.of("run.approve", "run.reject", "run.refresh", "run.retry", "onboard.submit",
            "onboard.cancel", "onboard.plan", "onboard.repair", "run.answer", "run.resume", "token.rotate", "token.submit",
            "token.cancel", "register.submit", "register.confirm", "register.cancel", "client.forget", "client.keep",
            "health.check", "x", "");
    static final List<String> TEXTS = List.of("help", "onboard client Brennwald", "runs", "clients", "client brennwald",
            "retry run 12345678", "cancel run 1234", "cancel", "check all", "rotate token", "rotate token brennwald",
            "register client Brennwald", "forget client brennwald", "<at>SCIM Pilot</at> runs", "", " ",
            "\u0000\u202e", "ö".repeat(5000));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
        registry.add("scimpilot.bot.app-id", () -> APP_ID);
        registry.add("scimpilot.bot.app-password", () -> "not-used-offline");
        registry.add("scimpilot.bot.openid-metadata-url", teams::openIdMetadataUrl);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TurnQueue turns;

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void tenThousandMutatedActivitiesNeverGive5xxAndChangeNothing() throws Exception {
        String sandboxBefore = tenantObjects();
        Random random = new Random(20261128L);
        TeamsActivities activities = new TeamsActivities(teams.serviceUrl());
        BotEndpoint bot = new BotEndpoint(port);
        String token = "Bearer " + teams.token(APP_ID);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < CASES; i++) {
            String body = mutate(base(activities, random), random);
            var answer = bot.post(body, random.nextInt(50) == 0 ? null : token);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 && failures.size() < 5) {
                failures.add(answer.status() + " for " + body.substring(0, Math.min(300, body.length())));
            }
            if (i % 500 == 0) {
                teams.reset(); // keep memory flat
            }
        }

        assertThat(failures).as("answers by status: " + statuses).isEmpty();
        assertThat(statuses.keySet()).allMatch(s -> s < 500);
        assertThat(turns.failed()).as("message turns that ended in an exception").isZero();
        assertThat(count("run")).isZero();
        assertThat(count("client")).isZero();
        assertThat(tenantObjects()).isEqualTo(sandboxBefore);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        System.out.println("fuzz: " + CASES + " activities, answers by status " + statuses);
    }

    private ObjectNode base(TeamsActivities a, Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> a.message(pick(TEXTS, r));
            case 1 -> a.execute(pick(VERBS, r), randomData(r), "act-" + r.nextInt(100));
            case 2 -> a.submit(randomData(r).put("verb", pick(VERBS, r)), "act-" + r.nextInt(100));
            case 3 -> a.installationAdd();
            case 4 -> a.channelMention(pick(TEXTS, r));
            default -> {
                ObjectNode o = a.message("help");
                o.put("type", pick(List.of("conversationUpdate", "messageReaction", "event", "typing", "endOfConversation",
                        "unknownType", "invoke", "trace"), r));
                o.put("name", pick(List.of("adaptiveCard/action", "task/fetch", "signin/verifyState", "composeExtension/query", ""), r));
                yield o;
            }
        };
    }

    private ObjectNode randomData(Random r) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("runId", "planVersion", "reason", "draftId", "variants", "done", "scimToken", "clientName",
                "emailDomain", "tenantId", "ninjaOrgId", "fallback", "groupName", "mailExclusion", "scimUrl", "clientId", "scimEndpoint",
                "tokenIssuedOn", "extra")) {
            if (r.nextInt(3) == 0) {
                d.set(field, randomValue(r));
            }
        }
        return d;
    }

    private JsonNode randomValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(9)) {
            case 0 -> f.numberNode(r.nextInt());
            case 1 -> f.numberNode(r.nextDouble() * 1e300);
            case 2 -> f.booleanNode(r.nextBoolean());
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add("a").add(1);
            case 5 -> f.objectNode().put("$type", "java.lang.ProcessBuilder");
            case 6 -> f.textNode("x".repeat(r.nextInt(20_000)));
            case 7 -> f.textNode("00000000-0000-0000-0000-00000000000" + r.nextInt(10));
            default -> f.textNode("' OR 1=1 --; ${jndi:ldap://127.0.0.1/a} <script>");
        };
    }

    private String mutate(ObjectNode activity, Random r) {
        int mutations = r.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            List<String> fields = new ArrayList<>();
            Iterator<String> names = activity.fieldNames();
            names.forEachRemaining(fields::add);
            String field = pick(fields, r);
            switch (r.nextInt(4)) {
                case 0 -> activity.remove(field);
                case 1 -> activity.set(field, randomValue(r));
                case 2 -> activity.set(field, JsonNodeFactory.instance.objectNode().set("nested", randomValue(r)));
                default -> {
                    if (activity.get(field) instanceof ObjectNode inner && inner.size() > 0) {
                        inner.set(inner.fieldNames().next(), randomValue(r));
                    }
                }
            }
        }
        String json = activity.toString();
        return switch (r.nextInt(20)) {
            case 0 -> json.substring(0, r.nextInt(json.length()));
            case 1 -> "[" + json + "]";
            case 2 -> "{\"type\":\"message\",\"text\":\"" + "a".repeat(300_000) + "\"}";
            default -> json;
        };
    }

    private String tenantObjects() {
        StringBuilder sb = new StringBuilder();
        for (var tenant : sandbox.state().tenants()) {
            sb.append(tenant.id()).append(": groups=").append(sandbox.state().groups(tenant.id()))
                    .append(" apps=").append(sandbox.state().applications(tenant.id()))
                    .append(" jobs=").append(sandbox.state().jobs(tenant.id()).size()).append('\n');
        }
        return sb.append("ninja end users=").append(sandbox.state().ninjaEndUsers().size()).toString();
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

}
