package dev.scimpilot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.scimpilot.chat.TurnQueue;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Posts activities to the running bot's {@code /api/messages} over real HTTP, like the Bot Connector does. The bot
 * acknowledges a message before its turn runs ({@link TurnQueue}); so that a test can read the replies right after
 * {@code post}, {@code post} also waits until the bot on that port has no unfinished turn (the bot's answer is what
 * a person waits for). The queue of each application started in this JVM is found by its port through
 * {@link TurnQueueRegistration} (registered in {@code META-INF/spring.factories} of the test classpath).
 */
public final class BotEndpoint {

    private static final Map<Integer, TurnQueue> QUEUES = new ConcurrentHashMap<>();
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);

    /** Remembers the turn queue of every application that starts a web server in this JVM. */
    public static final class TurnQueueRegistration implements ApplicationListener<WebServerInitializedEvent> {
        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            TurnQueue queue = event.getApplicationContext().getBeanProvider(TurnQueue.class).getIfAvailable();
            if (queue != null) {
                QUEUES.put(event.getWebServer().getPort(), queue);
            }
        }
    }

    /** The bot's HTTP answer. */
    public record Answer(int status, String body) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final int port;

    public BotEndpoint(int port) {
        this.url = "http://127.0.0.1:" + port + "/api/messages";
        this.port = port;
    }

    public Answer post(JsonNode activity) {
        return post(activity.toString(), null);
    }

    public Answer post(JsonNode activity, String bearerToken) {
        return post(activity.toString(), bearerToken == null ? null : "Bearer " + bearerToken);
    }

    public Answer post(String body, String authorizationHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            awaitTurns();
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the bot has answered every message acknowledged so far. */
    public void awaitTurns() {
        TurnQueue queue = QUEUES.get(port);
        if (queue != null && !queue.awaitIdle(TURN_TIMEOUT)) {
            throw new IllegalStateException("the bot still has " + queue.unfinished() + " unfinished turns after " + TURN_TIMEOUT);
        }
    }
}
