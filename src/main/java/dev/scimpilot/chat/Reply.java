package dev.scimpilot.chat;

import java.util.List;

/**
 * What a command or card action answers. Handlers return values; only the chat package talks to the
 * Bot SDK, so handlers stay plain synchronous code that is easy to test.
 */
public sealed interface Reply {

    /** A plain (markdown) text message. */
    record Text(String text) implements Reply {}

    /**
     * An Adaptive Card expanded from {@code cards/<template>.json} with {@code data}. When {@code key} is
     * set, the sent card's activity id is remembered under that key so that {@link UpdateCard} can later
     * replace it in place (one progress card per run, for example).
     */
    record Card(String template, Record data, String key) implements Reply {}

    /**
     * A card that @mentions people (Teams notifies them). The card's text must contain {@link Mention#text()}
     * of each mention ({@code <at>name</at>}); the mention entities go into the card's {@code msteams.entities}.
     */
    record MentionCard(String template, Record data, List<Mention> mentions) implements Reply {}

    /** A person to @mention, by Entra object id (Teams accepts it in Adaptive Card mentions) and display name. */
    record Mention(String userId, String name) {
        /** What the card text carries where the mention appears. */
        public String text() {
            return "<at>" + name + "</at>";
        }
    }

    /** Replace the card previously sent under {@code key}; sends a new card if none is known. */
    record UpdateCard(String key, String template, Record data) implements Reply {}

    /** Several messages, in order. */
    record Batch(List<Reply> replies) implements Reply {}

    /** Nothing to say. */
    record None() implements Reply {}

    static Reply text(String text) {
        return new Text(text);
    }

    static Reply card(String template, Record data) {
        return new Card(template, data, null);
    }

    static Reply none() {
        return new None();
    }

    static Reply of(Reply... replies) {
        return new Batch(List.of(replies));
    }
}
