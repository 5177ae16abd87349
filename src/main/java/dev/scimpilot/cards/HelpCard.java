package dev.scimpilot.cards;

import java.util.List;

/** Data of {@code cards/help.json}: what the bot can do, one row per command. Emits no verbs. */
public record HelpCard(String botName, String intro, List<Command> commands, String footer) {

    /** One command as typed in Teams ({@code [optional]} parts in brackets) and whether it needs an approval. */
    public record Command(String usage, String description, boolean changesTenant) {}
}
