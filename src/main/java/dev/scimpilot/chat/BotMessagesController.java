package dev.scimpilot.chat;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.DeliveryModes;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: checks the caller's token, then hands the activity to the Bot SDK adapter and maps the
 * outcome to HTTP. An invoke is answered in the response (its card is the answer); a message is acknowledged with
 * 202 as soon as its token is checked and its turn runs on the {@link TurnQueue}, so no command's work holds the
 * Bot Connector's request.
 * Reads and writes JSON with the SDK's own (Jackson 2) serialisation; Spring's Jackson 3 must not bind
 * SDK types. It depends on the SDK's {@link Bot} interface, not on {@link ScimPilotBot}, so the load benchmark can
 * measure the same adapter, auth and controller with a bare echo handler (a bean on the test classpath only).
 */
@RestController
class BotMessagesController {

    private static final Logger log = LoggerFactory.getLogger(BotMessagesController.class);
    /** Teams activities are a few KB; anything this large is not from Teams. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final ScimPilotAdapter adapter;
    private final Bot bot;
    private final TurnQueue turns;

    BotMessagesController(ScimPilotAdapter adapter, Bot bot, TurnQueue turns) {
        this.adapter = adapter;
        this.bot = bot;
        this.turns = turns;
    }

    @PostMapping(path = "/api/messages")
    ResponseEntity<String> messages(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (body == null || body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "empty body");
        }
        if (body.length > MAX_BODY_BYTES) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "activity too large");
        }
        Activity activity;
        try {
            activity = Serialization.treeToValue(Serialization.jsonToTree(new String(body, java.nio.charset.StandardCharsets.UTF_8)), Activity.class);
        } catch (IOException | IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "not a Bot Framework activity");
        }
        if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "activity type missing");
        }
        String malformed = Activities.malformed(activity);
        if (malformed != null) {
            return problem(HttpStatus.BAD_REQUEST, malformed);
        }
        try {
            ClaimsIdentity identity = adapter.authenticate(authorization, activity).join();
            // an invoke's card, and the buffered replies of an "expectReplies" message, are the HTTP answer
            if (!activity.isType(ActivityTypes.INVOKE)
                    && DeliveryModes.fromString(activity.getDeliveryMode()) != DeliveryModes.EXPECT_REPLIES) {
                return acknowledge(identity, activity);
            }
            InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn).join();
            if (response == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            String json = response.getBody() == null ? null : Serialization.toString(response.getBody());
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
        } catch (RuntimeException | IOException e) {
            return mapFailure(e);
        }
    }

    /**
     * A message (or conversation update) is answered through the connector, not in this response: acknowledge it now
     * and run the turn on the {@link TurnQueue}. Only when the queue is over its limit does this request wait.
     */
    private ResponseEntity<String> acknowledge(ClaimsIdentity identity, Activity activity) {
        var turn = turns.submit(activity.getConversation().getId(),
                () -> adapter.processActivity(identity, activity, bot::onTurn).join());
        if (turns.overloaded()) {
            turn.join();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    private ResponseEntity<String> mapFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
                log.warn("rejected activity: authentication failed ({})", t.getClass().getSimpleName());
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            }
        }
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof IllegalArgumentException) {
            log.info("rejected activity: {}", cause.getMessage());
            return problem(HttpStatus.BAD_REQUEST, "malformed activity");
        }
        log.error("activity processing failed", cause);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + detail + "\"}");
    }
}
