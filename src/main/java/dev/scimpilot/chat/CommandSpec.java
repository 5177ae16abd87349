package dev.scimpilot.chat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A command's declaration: the name users type, aliases, usage line and one-line help. The help card
 * and the Teams manifest's command list are generated from these.
 */
public record CommandSpec(String name, List<String> aliases, String usage, String help, boolean changesTenant) {

    public CommandSpec {
        name = normalise(name);
        aliases = aliases == null ? List.of() : aliases.stream().map(CommandSpec::normalise).toList();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A command needs a name");
        }
    }

    /** A read-only command. */
    public static CommandSpec of(String name, String usage, String help, String... aliases) {
        return new CommandSpec(name, List.of(aliases), usage, help, false);
    }

    /** A command that changes a client tenant (always after an approval). */
    public static CommandSpec changing(String name, String usage, String help, String... aliases) {
        return new CommandSpec(name, List.of(aliases), usage, help, true);
    }

    /** Name first, then aliases, all lower case with single spaces. */
    public Stream<String> triggers() {
        return Stream.concat(Stream.of(name), aliases.stream());
    }

    static String normalise(String s) {
        return s == null ? "" : s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
