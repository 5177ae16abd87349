package dev.scimpilot.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template string into text and {@code ${...}} bindings the way the official engine's lexer does
 * (it parses the string as an Adaptive Expressions back-tick string): {@code \$} and {@code \`} are escapes, a
 * binding ends at the first {@code }} outside quotes, and a binding that cannot close stays literal text.
 */
final class Interpolation {

    private Interpolation() {}

    /** Parts: String (text) or String[]{expressionText} for a binding. Null when the string has no "${". */
    static List<Object> split(String s) {
        if (!s.contains("${")) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '$' || s.charAt(i + 1) == '`')) {
                text.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                throw new IllegalArgumentException("an unescaped ` in a string with bindings (write \\`)");
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                int end = bindingEnd(s, i + 2);
                if (end < 0) {
                    text.append(c);
                    i++;
                } else {
                    if (text.length() > 0) {
                        parts.add(text.toString());
                        text.setLength(0);
                    }
                    parts.add(new String[] {trim(s.substring(i, end + 1))});
                    i = end + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            parts.add(text.toString());
        }
        return parts;
    }

    /** Index of the closing brace of a TEMPLATE token starting at {@code from}, or -1 if the token cannot match. */
    private static int bindingEnd(String s, int from) {
        int j = from;
        int n = s.length();
        while (j < n) {
            char c = s.charAt(j);
            if (c == '}') {
                return j > from ? j : -1;
            }
            if (c == '\'' || c == '"') {
                int k = j + 1;
                while (k < n && s.charAt(k) != c) {
                    k += s.charAt(k) == '\\' && k + 1 < n && (s.charAt(k + 1) == c || s.charAt(k + 1) == '\\') ? 2 : 1;
                }
                if (k >= n) {
                    return -1;
                }
                j = k + 1;
            } else if (c == '{') {
                throw new IllegalArgumentException("object literals inside ${...} are not supported");
            } else if (c == '\r' || c == '\n' || c == '`') {
                return -1;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** trimExpression: drop the "$", the braces and surrounding blanks. */
    private static String trim(String token) {
        String r = token.trim();
        if (r.startsWith("$")) {
            r = r.substring(1).trim();
        }
        if (r.startsWith("{") && r.endsWith("}")) {
            r = r.substring(1, r.length() - 1);
        }
        return r.trim();
    }
}
