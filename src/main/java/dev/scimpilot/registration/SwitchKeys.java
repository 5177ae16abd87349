package dev.scimpilot.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a hand-made organizationId mapping, {@code Switch([companyName], "fallback", "key", "orgId", ...)}: its fallback
 * and the companyName keys that map to the client's organization, so the registry knows them as onboarding would.
 */
final class SwitchKeys {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Parsed(String fallback, List<String> extraKeys) {}

    private SwitchKeys() {}

    /** Null when the expression is not a Switch on companyName. */
    static Parsed parse(String expression, String clientName, long organizationId) {
        if (expression == null || !expression.startsWith("Switch([companyName]")) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        Matcher m = STRING.matcher(expression);
        while (m.find()) {
            strings.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        if (strings.isEmpty()) {
            return null;
        }
        List<String> extra = new ArrayList<>();
        for (int i = 1; i + 1 < strings.size(); i += 2) {
            if (strings.get(i + 1).equals(Long.toString(organizationId)) && !strings.get(i).equals(clientName)) {
                extra.add(strings.get(i));
            }
        }
        return new Parsed(strings.get(0), extra);
    }
}
