package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/notice.json}: a neutral message with optional facts (a request received, a form
 * cancelled). Replaces forms so their inputs, including any token, leave the conversation. Emits no verbs.
 */
public record NoticeCard(String title, String message, List<Fact> facts, String hint) {

    /** A label and value. */
    public record Fact(String title, String value) {}

    public static NoticeCard of(String title, String message, String hint) {
        return new NoticeCard(title, message, List.of(), hint == null ? "" : hint);
    }
}
