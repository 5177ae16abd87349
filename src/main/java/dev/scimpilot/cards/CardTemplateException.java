package dev.scimpilot.cards;

/** A card template that cannot be loaded (bad JSON, unknown function, syntax) or expanded (the official engine throws too). */
public class CardTemplateException extends RuntimeException {

    public CardTemplateException(String message) {
        super(message);
    }

    public CardTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
