package dev.scimpilot.help;

import java.util.List;

/** Data of {@code cards/help.json}. */
record HelpCard(String intro, List<CommandLine> commands, String note) {

    record CommandLine(String usage, String help, String aliases) {}
}
