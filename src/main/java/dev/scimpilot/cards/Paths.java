package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Property lookup exactly as Adaptive Expressions' {@code SimpleObjectMemory} does it: names match
 * case-insensitively (first match in key order), a numeric part indexes an array, and anything that is not
 * there is undefined rather than an error.
 */
final class Paths {

    private static final JsonNode TEMPLATE_VERSION = Js.NODES.objectNode()
            .put("major", 2).put("minor", 3).put("patch", 1).put("suffix", "");

    private Paths() {}

    static JsonNode evaluate(Expr.Path path, Scope scope, boolean subst) {
        if (path.names != null && path.base == null) {
            JsonNode value = lookupInScope(path.names, scope);
            if (value.isMissingNode() && subst) {
                return Js.text("${" + String.join(".", path.names) + "}");
            }
            return value;
        }
        int n = path.segments.size();
        String[] parts = new String[n];
        boolean[] quoted = new boolean[n];
        for (int i = 0; i < n; i++) {
            Object seg = path.segments.get(i);
            if (seg instanceof String name) {
                parts[i] = name;
            } else {
                // tryAccumulatePath evaluates indexes with the caller's options (substitution included).
                JsonNode v = ((Expr) seg).eval(scope, subst);
                if (Js.isNumber(v) || (v.isTextual() && parseIntPrefix(v.textValue()) != null)) {
                    parts[i] = v.isTextual() ? v.textValue() : Js.numberToString(v.doubleValue());
                } else if (v.isTextual()) {
                    parts[i] = v.textValue();
                    quoted[i] = true;
                } else {
                    throw new EvalError(seg + " doesn't return an int or string");
                }
            }
        }
        JsonNode value;
        if (path.base == null) {
            value = lookupInScope(parts, scope);
        } else {
            JsonNode start = path.base.eval(scope, subst);
            value = start.isMissingNode() ? Js.UNDEFINED : walk(start, parts, 0);
        }
        if (value.isMissingNode() && subst) {
            return Js.text("${" + pathText(path, parts, quoted) + "}");
        }
        return value;
    }

    /** The memory path the official engine builds (and writes back for a missing value), e.g. {@code items[5].name}. */
    private static String pathText(Expr.Path path, String[] parts, boolean[] quoted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (path.segments.get(i) instanceof String) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(parts[i]);
            } else if (quoted[i]) {
                sb.append("['").append(parts[i]).append("']");
            } else {
                sb.append('[').append(parts[i]).append(']');
            }
        }
        return sb.toString();
    }

    private static JsonNode lookupInScope(String[] parts, Scope scope) {
        String first = parts[0];
        if (!first.isEmpty() && first.charAt(0) == '$') {
            JsonNode start = switch (first.toLowerCase(java.util.Locale.ROOT)) {
                case "$root" -> scope.root();
                case "$data" -> scope.data();
                case "$index" -> scope.index();
                case "$_actemplateversion" -> TEMPLATE_VERSION;
                default -> Js.UNDEFINED;
            };
            return parts.length == 1 ? start : walk(start, parts, 1);
        }
        return walk(scope.data(), parts, 0);
    }

    private static JsonNode walk(JsonNode start, String[] parts, int from) {
        JsonNode current = start;
        for (int i = from; i < parts.length; i++) {
            Integer idx = parseIntPrefix(parts[i]);
            if (idx != null && current.isArray()) {
                if (idx < 0 || idx >= current.size()) {
                    return Js.UNDEFINED;
                }
                current = current.get(idx);
            } else {
                current = property(current, parts[i]);
            }
            if (current.isMissingNode()) {
                return current;
            }
        }
        return current;
    }

    /** Adaptive Expressions' {@code accessProperty}: falsy instances have no properties; names ignore case. */
    static JsonNode property(JsonNode instance, String name) {
        if (!Js.truthy(instance)) {
            return Js.UNDEFINED;
        }
        if (instance.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.length() == name.length() && (key.equals(name) || key.equalsIgnoreCase(name))) {
                    return e.getValue();
                }
            }
            return Js.UNDEFINED;
        }
        if (instance.isTextual()) {
            // Object.keys("abc") is ["0","1","2"].
            String s = instance.textValue();
            Integer i = strictIndex(name);
            return i != null && i < s.length() ? Js.text(String.valueOf(s.charAt(i))) : Js.UNDEFINED;
        }
        return Js.UNDEFINED;
    }

    /** The {@code Element} operator: integer indexes arrays, string names a property. */
    static JsonNode element(JsonNode instance, JsonNode index, Expr source) {
        if (Js.isInteger(index)) {
            if (Js.isUndefinedOrNull(instance)) {
                return Js.UNDEFINED;
            }
            int i = (int) index.doubleValue();
            if (!instance.isArray()) {
                throw new EvalError(Js.toJsString(instance) + " is not a collection.");
            }
            if (i < 0 || i >= instance.size()) {
                throw new EvalError(i + " is out of range for " + Js.toJsString(instance));
            }
            return instance.get(i);
        }
        if (index.isTextual()) {
            return property(instance, index.textValue());
        }
        throw new EvalError("Could not coerce " + source + " to an int or string.");
    }

    /** JS {@code parseInt(s)} when it is a number, else null. */
    static Integer parseIntPrefix(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return null;
        }
        return (int) (negative ? -value : Math.min(value, Integer.MAX_VALUE));
    }

    private static Integer strictIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9' || (i == 0 && s.charAt(i) == '0' && s.length() > 1)) {
                return null;
            }
        }
        return Integer.parseInt(s);
    }
}
