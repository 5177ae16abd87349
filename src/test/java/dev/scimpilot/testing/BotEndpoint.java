package dev.scimpilot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts activities to the running bot's {@code /api/messages} over real HTTP, like the Bot Connector does. */
public final class BotEndpoint {

    /** The bot's HTTP answer. */
    public record Answer(int status, String body) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    public BotEndpoint(int port) {
        this.url = "http://127.0.0.1:" + port + "/api/messages";
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
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
