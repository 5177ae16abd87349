package dev.scimpilot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Card verb → typed handler. Binds the card's data to the handler's record with a strict mapper and
 * validates it; anything it cannot bind is a {@link BadCardAction} with a message fit for chat, and the
 * handler never runs.
 */
@Component
public class CardActionRouter {

    /** Card data the handler must not see: Teams adds {@code msteams}, our Submit fallback adds {@code verb}. */
    private static final Set<String> TRANSPORT_FIELDS = Set.of("verb", "msteams");

    private final Map<String, CardAction<?>> actions = new HashMap<>();
    private final Validator validator;

    public CardActionRouter(List<CardAction<?>> actions, Validator validator) {
        this.validator = validator;
        for (CardAction<?> action : actions) {
            CardAction<?> previous = this.actions.putIfAbsent(action.verb(), action);
            if (previous != null) {
                throw new IllegalStateException("Duplicate card verb '" + action.verb() + "' declared by "
                        + previous.getClass().getSimpleName() + " and " + action.getClass().getSimpleName());
            }
        }
    }

    public Set<String> verbs() {
        return actions.keySet();
    }

    /** Routes one click. Throws {@link BadCardAction} for an unknown verb or data that does not bind. */
    public CardReply dispatch(String verb, JsonNode data, ChatUser user, ConversationKey conversation, String cardActivityId) {
        CardAction<?> action = verb == null ? null : actions.get(verb);
        if (action == null) {
            throw new BadCardAction("This button (" + (verb == null ? "no action" : "'" + verb + "'")
                    + ") is not something I know. The card may be from an older version of SCIM Pilot; "
                    + "type `help` to start again.");
        }
        return invoke(action, verb, data, user, conversation, cardActivityId);
    }

    private <D extends Record> CardReply invoke(CardAction<D> action, String verb, JsonNode data, ChatUser user,
            ConversationKey conversation, String cardActivityId) {
        D bound = bind(action.dataType(), data);
        return action.handle(new CardActionRequest<>(verb, bound, user, conversation, cardActivityId));
    }

    private <D extends Record> D bind(Class<D> type, JsonNode data) {
        ObjectNode fields = data != null && data.isObject() ? ((ObjectNode) data).deepCopy() : BotJson.STRICT.createObjectNode();
        if (data != null && !data.isObject() && !data.isNull() && !data.isMissingNode()) {
            throw new BadCardAction("The card sent data I cannot read. Nothing was changed.");
        }
        fields.remove(TRANSPORT_FIELDS);
        D value;
        try {
            value = BotJson.STRICT.treeToValue(fields, type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadCardAction("The card sent a field I do not expect ('" + e.getPropertyName()
                    + "'). Nothing was changed.");
        } catch (MismatchedInputException e) {
            throw new BadCardAction("The card sent a value of the wrong type" + fieldOf(e) + ". Nothing was changed.");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadCardAction("The card sent data I cannot read. Nothing was changed.");
        }
        Set<ConstraintViolation<D>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            String problems = violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw new BadCardAction("Please check the form: " + problems + ". Nothing was changed.");
        }
        return value;
    }

    private static String fieldOf(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " for '" + path + "'";
    }

    /** A click that cannot be handled; the message is safe to show in chat. */
    public static class BadCardAction extends RuntimeException {
        public BadCardAction(String message) {
            super(message);
        }
    }
}
