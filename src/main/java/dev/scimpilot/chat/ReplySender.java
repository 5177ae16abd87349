package dev.scimpilot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends {@link Reply} values through a turn (inbound or proactive). A card is always its own activity
 * with no text, so the send returns an id (Teams and the Playground return none for text+card).
 */
@Component
public class ReplySender {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CardRenderer cards;
    private final CardMessages cardMessages;

    public ReplySender(CardRenderer cards, CardMessages cardMessages) {
        this.cards = cards;
        this.cardMessages = cardMessages;
    }

    public CompletableFuture<Void> send(TurnContext turn, Reply reply) {
        if (reply instanceof Reply.Text text) {
            Activity activity = MessageFactory.text(text.text());
            activity.setTextFormat(TextFormatTypes.MARKDOWN);
            return turn.sendActivity(activity).thenApply(r -> null);
        }
        if (reply instanceof Reply.Card card) {
            return sendCard(turn, card.template(), card.data()).thenAccept(id -> rememberIfKeyed(turn, card.key(), id));
        }
        if (reply instanceof Reply.MentionCard card) {
            return turn.sendActivity(mentionCardActivity(card)).thenApply(r -> null);
        }
        if (reply instanceof Reply.UpdateCard update) {
            return updateCard(turn, update);
        }
        if (reply instanceof Reply.Batch batch) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Reply r : batch.replies()) {
                chain = chain.thenCompose(v -> send(turn, r));
            }
            return chain;
        }
        return CompletableFuture.completedFuture(null); // Reply.None
    }

    /** Sends a card; completes with the new activity's id (null if the channel returned none). */
    public CompletableFuture<String> sendCard(TurnContext turn, String template, Record data) {
        return turn.sendActivity(cardActivity(template, data)).thenApply(ReplySender::idOf);
    }

    /** Replaces the card with activity id {@code activityId} in the turn's conversation. */
    public CompletableFuture<Void> replaceCard(TurnContext turn, String activityId, String template, Record data) {
        Activity activity = cardActivity(template, data);
        activity.setId(activityId);
        return turn.updateActivity(activity).thenApply(r -> null);
    }

    public JsonNode render(String template, Record data) {
        return cards.render(template, data);
    }

    /**
     * The card goes into the activity as JSON text written once ({@link RawValue}), not as a tree: the SDK's outbound
     * serialiser ({@code FlatteningSerializer}) copies every tree it is given and tests every key of it against a
     * freshly compiled regular expression, which made sending a 20-row card cost milliseconds of CPU on the turn's
     * thread (the /api/messages benchmark). The bytes on the wire are the same.
     */
    Activity cardActivity(String template, Record data) {
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        try {
            attachment.setContent(new RawValue(JSON.writeValueAsString(cards.render(template, data))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("card " + template + " cannot be written as JSON", e);
        }
        return MessageFactory.attachment(attachment);
    }

    /** Teams' Adaptive Card mentions: {@code msteams.entities} of type mention, matching the {@code <at>} text. */
    Activity mentionCardActivity(Reply.MentionCard card) {
        JsonNode rendered = cards.render(card.template(), card.data());
        if (rendered instanceof com.fasterxml.jackson.databind.node.ObjectNode content && !card.mentions().isEmpty()) {
            content = content.deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode msteams = content.path("msteams").isObject()
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) content.get("msteams") : content.putObject("msteams");
            com.fasterxml.jackson.databind.node.ArrayNode entities = msteams.putArray("entities");
            for (Reply.Mention m : card.mentions()) {
                com.fasterxml.jackson.databind.node.ObjectNode e = entities.addObject();
                e.put("type", "mention");
                e.put("text", m.text());
                e.putObject("mentioned").put("id", m.userId()).put("name", m.name());
            }
            rendered = content;
        }
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(rendered);
        return MessageFactory.attachment(attachment);
    }

    private CompletableFuture<Void> updateCard(TurnContext turn, Reply.UpdateCard update) {
        String conversationId = turn.getActivity().getConversation().getId();
        return cardMessages.find(update.key())
                .filter(sent -> sent.conversationId().equals(conversationId))
                .map(sent -> replaceCard(turn, sent.activityId(), update.template(), update.data()))
                .orElseGet(() -> sendCard(turn, update.template(), update.data())
                        .thenAccept(id -> rememberIfKeyed(turn, update.key(), id)));
    }

    private void rememberIfKeyed(TurnContext turn, String key, String activityId) {
        if (key == null) {
            return;
        }
        if (activityId == null) {
            log.warn("card={} sent without an activity id; it cannot be updated in place later", key);
            return;
        }
        cardMessages.remember(key, turn.getActivity().getConversation().getId(), activityId);
    }

    private static String idOf(ResourceResponse response) {
        return response == null ? null : response.getId();
    }
}
