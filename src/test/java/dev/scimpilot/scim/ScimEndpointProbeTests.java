package dev.scimpilot.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scimpilot.secrets.Secret;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScimEndpointProbeTests {

    HttpServer server;
    final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    ScimEndpointProbe probe;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/scim/good/v2/Users", ex -> {
            seenAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            int status = "Bearer right-token-123".equals(seenAuthorization.get()) ? 200 : 401;
            byte[] body = "{\"totalResults\":0,\"Resources\":[]}".getBytes();
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/scim/moved/v2/Users", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/steal");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        probe = new ScimEndpointProbe(new ScimUrlPolicy(new ScimProperties(List.of("127.0.0.1"), true, null)),
                new ScimProperties(List.of("127.0.0.1"), true, null));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void acceptedTokenIsOk() {
        var result = probe.probe(base + "/scim/good/v2/", Secret.of("right-token-123"));
        assertThat(result.ok()).isTrue();
        assertThat(seenAuthorization.get()).isEqualTo("Bearer right-token-123");
    }

    @Test
    void rejectedTokenSaysSoWithoutShowingIt() {
        var result = probe.probe(base + "/scim/good/v2", Secret.of("wrong-token-456"));
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("rejected the SCIM token").doesNotContain("wrong-token-456");
    }

    @Test
    void wrongUrlAndRedirectsAreRefused() {
        assertThat(probe.probe(base + "/scim/nothing/v2", Secret.of("right-token-123")).message()).contains("HTTP 404");
        assertThat(probe.probe(base + "/scim/moved/v2", Secret.of("right-token-123")).message()).contains("do not follow redirects");
    }

    @Test
    void disallowedHostIsNeverContacted() {
        var result = probe.probe("https://attacker.example/scim", Secret.of("right-token-123"));
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isZero();
        assertThat(seenAuthorization.get()).isNull();
    }

    @Test
    void secretNeverPrintsItsValue() {
        assertThat(Secret.of("right-token-123").toString()).doesNotContain("right-token-123");
    }
}
