package dev.scimpilot.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes anything token-like from text before it is logged: bearer tokens, JWTs, values of
 * secret-named fields, long opaque strings, and every exact secret value the application has
 * registered (a SCIM token typed by a technician is registered the moment it arrives).
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)((?:secret|secrettoken|token|password|client_secret|clientsecret|access_token|apikey|api_key)"
                    + "\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)([^\\s\"'\\\\,;}&]{4,})");
    /** Long opaque runs (no hyphens, so GUIDs and ids stay readable) with letters and digits mixed. */
    private static final Pattern OPAQUE = Pattern.compile("(?<![A-Za-z0-9+/_=])(?=[A-Za-z0-9+/_=]*[0-9])(?=[A-Za-z0-9+/_=]*[A-Za-z])[A-Za-z0-9+/_=]{32,}");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Redactor() {}

    /** Registers an exact secret value (at least 6 characters) to be masked wherever it appears. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 6) {
            KNOWN.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String secret : KNOWN) {
            if (s.contains(secret)) {
                s = s.replace(secret, MASK);
            }
        }
        s = BEARER.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        s = JWT.matcher(s).replaceAll(Matcher.quoteReplacement(MASK));
        s = SECRET_FIELD.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        s = OPAQUE.matcher(s).replaceAll(Matcher.quoteReplacement(MASK));
        return s;
    }
}
