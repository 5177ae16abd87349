package dev.scimpilot.chat;

/**
 * What a card action answers: optionally a card that replaces the clicked card (for everyone in the
 * conversation), and optionally further messages.
 */
public record CardReply(Reply.Card replacement, Reply followUp) {

    public static CardReply replaceWith(String template, Record data) {
        return new CardReply(new Reply.Card(template, data, null), Reply.none());
    }

    public static CardReply message(Reply followUp) {
        return new CardReply(null, followUp);
    }

    public CardReply andThen(Reply next) {
        return new CardReply(replacement, next);
    }
}
