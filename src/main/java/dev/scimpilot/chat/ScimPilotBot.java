package dev.scimpilot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.scimpilot.chat.CardActionRouter.BadCardAction;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Teams activity handler. It only routes: text to the {@link CommandRouter}, card clicks to the
 * {@link CardActionRouter}, installs to the welcome. It remembers every conversation it hears from so
 * that reminders and background progress can reach it later.
 */
@Component
public class ScimPilotBot extends TeamsActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimPilotBot.class);
    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";

    private final CommandRouter commands;
    private final CardActionRouter cardActions;
    private final ConversationRefresh conversations;
    private final ReplySender sender;
    private final Welcome welcome;
    private final DispatchGuard guard;

    public ScimPilotBot(CommandRouter commands, CardActionRouter cardActions, ConversationRefresh conversations,
            ReplySender sender, Welcome welcome, DispatchGuard guard) {
        this.guard = guard;
        this.commands = commands;
        this.cardActions = cardActions;
        this.conversations = conversations;
        this.sender = sender;
        this.welcome = welcome;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getConversation() != null && activity.getServiceUrl() != null) {
            try {
                conversations.refresh(activity.getConversationReference(), keyOf(activity));
            } catch (RuntimeException e) {
                // Losing one refresh of the reference must not cost the user their answer.
                log.warn("could not store the conversation reference: {}", e.toString());
            }
        }
        return super.onTurn(turn);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        boolean isSubmit = activity.getValue() != null && (activity.getText() == null || activity.getText().isBlank());
        if (isSubmit) {
            return onCardSubmit(turn);
        }
        ChatUser user = userOf(activity);
        ConversationKey conversation = keyOf(activity);
        CommandRouter.Route route = commands.route(activity.getText());
        String name = route instanceof CommandRouter.Route.Matched m ? m.command().spec().name() : "help";
        var refusal = guard.refuseCommand(user, conversation, name);
        if (refusal.isPresent()) {
            return sender.send(turn, Reply.text(refusal.get()));
        }
        Reply reply = route instanceof CommandRouter.Route.Matched m
                ? m.command().handle(new CommandRequest(m.args(), user, conversation))
                : welcome.unknownCommand(((CommandRouter.Route.Unknown) route).text(),
                        ((CommandRouter.Route.Unknown) route).suggestion());
        return sender.send(turn, reply);
    }

    /** Greets on install (Teams sends "add", or "add-upgrade" on an app update); nothing on remove. */
    @Override
    protected CompletableFuture<Void> onInstallationUpdate(TurnContext turn) {
        String action = turn.getActivity().getAction();
        return "add".equals(action) || "add-upgrade".equals(action)
                ? sender.send(turn, welcome.greeting())
                : CompletableFuture.completedFuture(null);
    }

    /**
     * Members added/removed and team events: nothing to do (installs are handled by installationUpdate).
     * Also keeps the SDK's Teams dispatch, which throws on a channelData without an eventType, out of the way.
     */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        return CompletableFuture.completedFuture(null);
    }

    /** Teams meeting events and the like: not for this bot (and the SDK's dispatch throws on an event without a name). */
    @Override
    protected CompletableFuture<Void> onEventActivity(TurnContext turn) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        if (!ADAPTIVE_CARD_ACTION.equals(turn.getActivity().getName())) {
            // No dialogs, message extensions or sign-in here: a clear 400 rather than the SDK's 501.
            AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
            body.setStatusCode(HttpURLConnection.HTTP_BAD_REQUEST);
            body.setType("application/vnd.microsoft.error");
            body.setValue(Map.of("code", "NotSupported", "message", "SCIM Pilot does not handle this request."));
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_BAD_REQUEST, body));
        }
        Activity activity = turn.getActivity();
        JsonNode action = Serialization.objectToTree(activity.getValue()).path("action");
        if (!"Action.Execute".equals(action.path("type").asText("Action.Execute"))) {
            return badRequest(turn, "This kind of button is not supported.");
        }
        String verb = textOrNull(action.path("verb"));
        var refusal = guard.refuseCardAction(userOf(activity), keyOf(activity), String.valueOf(verb));
        if (refusal.isPresent()) {
            return errorAnswer(turn, HttpURLConnection.HTTP_FORBIDDEN, "Forbidden", refusal.get());
        }
        try {
            CardReply reply = cardActions.dispatch(verb, action.path("data"),
                    userOf(activity), keyOf(activity), activity.getReplyToId());
            return sender.send(turn, reply.followUp() == null ? Reply.none() : reply.followUp())
                    .thenApply(v -> invokeResponse(reply));
        } catch (BadCardAction e) {
            return badRequest(turn, e.getMessage());
        }
    }

    /** Action.Submit (clients without Universal Actions): a message whose value names the verb. */
    private CompletableFuture<Void> onCardSubmit(TurnContext turn) {
        Activity activity = turn.getActivity();
        JsonNode value = Serialization.objectToTree(activity.getValue());
        String verb = textOrNull(value.path("verb"));
        JsonNode data = value;
        if (verb == null && value.path("action").isObject()) {
            verb = textOrNull(value.path("action").path("verb"));
            data = value.path("action").path("data");
        }
        var refusal = guard.refuseCardAction(userOf(activity), keyOf(activity), String.valueOf(verb));
        if (refusal.isPresent()) {
            return sender.send(turn, Reply.text(refusal.get()));
        }
        CardReply reply;
        try {
            reply = cardActions.dispatch(verb, data, userOf(activity), keyOf(activity), activity.getReplyToId());
        } catch (BadCardAction e) {
            return sender.send(turn, Reply.text(e.getMessage()));
        }
        CompletableFuture<Void> replaced = reply.replacement() != null && activity.getReplyToId() != null
                ? sender.replaceCard(turn, activity.getReplyToId(), reply.replacement().template(), reply.replacement().data())
                : reply.replacement() != null ? sender.send(turn, reply.replacement()) : CompletableFuture.completedFuture(null);
        return replaced.thenCompose(v -> sender.send(turn, reply.followUp() == null ? Reply.none() : reply.followUp()));
    }

    private InvokeResponse invokeResponse(CardReply reply) {
        AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
        body.setStatusCode(HttpURLConnection.HTTP_OK);
        if (reply.replacement() != null) {
            body.setType(ReplySender.ADAPTIVE_CARD);
            body.setValue(sender.render(reply.replacement().template(), reply.replacement().data()));
        } else {
            body.setType("application/vnd.microsoft.activity.message");
            body.setValue("Done.");
        }
        return new InvokeResponse(HttpURLConnection.HTTP_OK, body);
    }

    /** Bad clicks: a clear message in chat and a 400 invoke answer; nothing was changed. */
    private CompletableFuture<InvokeResponse> badRequest(TurnContext turn, String message) {
        return errorAnswer(turn, HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest", message);
    }

    private CompletableFuture<InvokeResponse> errorAnswer(TurnContext turn, int status, String code, String message) {
        log.info("card action refused ({}): {}", status, message);
        AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
        body.setStatusCode(status);
        body.setType("application/vnd.microsoft.error");
        body.setValue(Map.of("code", code, "message", message));
        return sender.send(turn, Reply.text(message)).thenApply(v -> new InvokeResponse(status, body));
    }

    static ChatUser userOf(Activity activity) {
        ChannelAccount from = activity.getFrom();
        return from == null ? new ChatUser(null, null, null) : new ChatUser(from.getId(), from.getAadObjectId(), from.getName());
    }

    static ConversationKey keyOf(Activity activity) {
        ConversationAccount c = activity.getConversation();
        String teamId = null;
        String tenantId = c == null ? null : c.getTenantId();
        try {
            TeamsChannelData data = activity.getChannelData(TeamsChannelData.class);
            if (data != null) {
                teamId = data.getTeam() == null ? null : data.getTeam().getId();
                if (tenantId == null && data.getTenant() != null) {
                    tenantId = data.getTenant().getId();
                }
            }
        } catch (Exception e) {
            // channelData is the sender's free-form JSON; a shape we cannot read just means "no team".
        }
        return new ConversationKey(c == null ? null : c.getId(), tenantId, c == null ? null : c.getConversationType(), teamId);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
