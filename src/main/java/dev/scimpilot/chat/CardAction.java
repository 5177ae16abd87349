package dev.scimpilot.chat;

/**
 * Handler for one card verb ({@code Action.Execute} verb, or the {@code verb} field of an
 * {@code Action.Submit}). The card's data is bound to {@code D}, a record; unknown or mistyped fields
 * are refused before the handler runs. Handlers must re-check on the server everything the card
 * claims (run state, version, who clicked): card data is never trusted.
 */
public interface CardAction<D extends Record> {

    /** Dotted, namespaced and globally unique, e.g. {@code run.approve}. */
    String verb();

    Class<D> dataType();

    CardReply handle(CardActionRequest<D> request);
}
