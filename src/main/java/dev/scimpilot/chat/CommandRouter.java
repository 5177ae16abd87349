package dev.scimpilot.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Text → command. Forgiving about how people type in Teams: mentions, case, extra spaces, aliases,
 * arguments. Matches a trigger at the start of the text as whole words, longest trigger first, so
 * {@code client} never fires for {@code clients} and {@code check provisioning all} beats {@code check}.
 */
@Component
public class CommandRouter {

    private static final Pattern MENTION = Pattern.compile("<at>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

    /** Result of routing one message. */
    public sealed interface Route {
        record Matched(Command command, String args) implements Route {}

        record Unknown(String text, Optional<String> suggestion) implements Route {}
    }

    private record Trigger(String text, Command command) {}

    private final List<Trigger> triggers;
    private final List<CommandSpec> specs;

    public CommandRouter(List<Command> commands) {
        Map<String, Command> seen = new HashMap<>();
        List<Trigger> all = new ArrayList<>();
        for (Command command : commands) {
            command.spec().triggers().forEach(t -> {
                Command previous = seen.putIfAbsent(t, command);
                if (previous != null) {
                    throw new IllegalStateException("Duplicate command trigger '" + t + "' declared by "
                            + previous.getClass().getSimpleName() + " and " + command.getClass().getSimpleName());
                }
                all.add(new Trigger(t, command));
            });
        }
        all.sort(Comparator.comparingInt((Trigger t) -> t.text().length()).reversed());
        this.triggers = List.copyOf(all);
        this.specs = commands.stream().map(Command::spec).toList();
    }

    /** Declarations of every command, in registration order (for help and the manifest). */
    public List<CommandSpec> specs() {
        return specs;
    }

    public Route route(String rawText) {
        String text = normalise(rawText);
        String lower = text.toLowerCase(Locale.ROOT);
        for (Trigger trigger : triggers) {
            if (lower.equals(trigger.text())) {
                return new Route.Matched(trigger.command(), "");
            }
            if (lower.startsWith(trigger.text() + " ")) {
                return new Route.Matched(trigger.command(), text.substring(trigger.text().length()).trim());
            }
        }
        return new Route.Unknown(text, closest(lower));
    }

    /** Strips Teams mentions and markup, decodes the few entities Teams sends, collapses spaces. */
    static String normalise(String rawText) {
        if (rawText == null) {
            return "";
        }
        String s = MENTION.matcher(rawText).replaceAll(" ");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("\u00a0", " ").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        return s.trim().replaceAll("\\s+", " ");
    }

    /** The command name nearest to what was typed, if it is near enough to be a plausible typo. */
    private Optional<String> closest(String lower) {
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Trigger trigger : triggers) {
            int words = trigger.text().split(" ").length;
            int distance = levenshtein(firstWords(lower, words), trigger.text());
            // A typo is a few edits relative to the word typed, not to the whole message.
            int tolerance = Math.max(2, trigger.text().length() / 4);
            if (distance <= tolerance && distance < bestScore) {
                bestScore = distance;
                best = trigger.command().spec().name();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String firstWords(String s, int n) {
        String[] parts = s.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(n, parts.length)));
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
