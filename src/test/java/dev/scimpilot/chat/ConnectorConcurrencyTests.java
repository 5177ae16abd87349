package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replies to many conversations reach the Bot Connector side by side. The SDK's connector client allows OkHttp's
 * default of 5 calls per host, and every reply of the bot goes to the same connector host, so under load the sixth
 * answer waited for one of the first five.
 */
class ConnectorConcurrencyTests {

    private static final int REPLIES = 12;

    private final ExecutorService serverThreads = Executors.newFixedThreadPool(REPLIES + 4);
    private HttpServer connector;

    @AfterEach
    void stop() {
        connector.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void twelveRepliesToOneConnectorHostAreInFlightAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(REPLIES);
        // the connector answers nobody until every reply has arrived (or 10 s passed): only parallel calls get there
        connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        connector.setExecutor(serverThreads);
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            try {
                allArrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{\"id\":\"reply\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        connector.start();
        String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
        ScimPilotAdapter adapter = new ScimPilotAdapter(new SimpleCredentialProvider(), (appId, scope) -> MicrosoftAppCredentials.empty());
        ConnectorClient client = adapter.getOrCreateConnectorClient(serviceUrl, MicrosoftAppCredentials.empty()).join();

        List<CompletableFuture<ResourceResponse>> replies = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            Activity reply = Activity.createMessageActivity();
            reply.setText("answer " + i);
            replies.add(client.getConversations().replyToActivity("a:conversation-" + i, "activity-" + i, reply));
        }
        for (CompletableFuture<ResourceResponse> r : replies) {
            assertThat(r.get(30, TimeUnit.SECONDS).getId()).isEqualTo("reply");
        }

        assertThat(peak.get()).as("replies in flight at once").isEqualTo(REPLIES);
        assertThat(adapter.getOrCreateConnectorClient(serviceUrl, MicrosoftAppCredentials.empty()).join())
                .as("one client per service URL and identity, as the SDK's own").isSameAs(client);
    }
}
