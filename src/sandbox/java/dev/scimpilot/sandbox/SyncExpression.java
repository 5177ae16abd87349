package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entra attribute-mapping expressions: parses text ("Switch([companyName], \"All\", \"X\", \"12\")") into the
 * attributeMappingSource tree that parseExpression answers, and evaluates such trees against a user.
 */
final class SyncExpression {

    /** Thrown for text that is not a supported expression. */
    static final class ParseException extends RuntimeException {
        ParseException(String message) {
            super(message);
        }
    }

    /** Parameter names per function, the last one repeating (Switch repeats key/value pairs). */
    private static final Map<String, List<String>> FUNCTIONS = Map.of(
            "SingleAppRoleAssignment", List.of("source"),
            "Switch", List.of("source", "defaultValue", "key", "value"),
            "Not", List.of("source"),
            "ToLower", List.of("source", "culture"),
            "ToUpper", List.of("source", "culture"),
            "Append", List.of("source", "suffix"),
            "Coalesce", List.of("source"),
            "Join", List.of("separator", "source"));

    /** GET .../schema/functions: each supported function with its parameter schema. */
    static ObjectNode functions() {
        ObjectNode out = Json.obj();
        ArrayNode value = out.putArray("value");
        FUNCTIONS.keySet().stream().sorted().forEach(name -> {
            // attributeMappingFunctionSchema is an entity: the function name is its id
            ObjectNode f = value.addObject().put("id", name);
            ArrayNode params = f.putArray("parameters");
            List<String> names = FUNCTIONS.get(name);
            for (int i = 0; i < names.size(); i++) {
                boolean repeats = name.equals("Switch") ? i >= 2 : name.equals("Coalesce") || (name.equals("Join") && i == 1);
                params.addObject().put("name", names.get(i)).put("required", i == 0 || name.equals("Switch"))
                        .put("allowMultipleOccurrences", repeats).put("type", "String");
            }
        });
        return out;
    }

    private final String text;
    private int pos;

    private SyncExpression(String text) {
        this.text = text;
    }

    static ObjectNode parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ParseException("The expression is empty.");
        }
        SyncExpression p = new SyncExpression(expression);
        ObjectNode n = p.expr();
        p.skipSpace();
        if (p.pos < p.text.length()) {
            throw new ParseException("Unexpected text at position " + p.pos + ": '" + p.text.substring(p.pos) + "'.");
        }
        return n;
    }

    private ObjectNode expr() {
        skipSpace();
        if (pos >= text.length()) {
            throw new ParseException("The expression ends unexpectedly.");
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == '[') {
            int end = text.indexOf(']', pos);
            if (end < 0) {
                throw new ParseException("Missing ']' after attribute name.");
            }
            pos = end + 1;
            return node("Attribute", text.substring(start + 1, end).trim(), text.substring(start, pos));
        }
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                    pos++;
                }
                b.append(text.charAt(pos++));
            }
            if (pos >= text.length()) {
                throw new ParseException("Unterminated string constant.");
            }
            pos++;
            return node("Constant", b.toString(), text.substring(start, pos));
        }
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpace();
        if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '(') {
            throw new ParseException("Expected an attribute, a quoted constant or a function at position " + start + ".");
        }
        String canonical = FUNCTIONS.keySet().stream().filter(f -> f.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ParseException("The function '" + name + "' is not supported."));
        pos++;
        List<ObjectNode> args = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
        } else {
            while (true) {
                args.add(expr());
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == ')') {
                    pos++;
                    break;
                } else {
                    throw new ParseException("Expected ',' or ')' in the arguments of " + canonical + ".");
                }
            }
        }
        checkArity(canonical, args.size());
        ObjectNode fn = node("Function", canonical, text.substring(start, pos));
        ArrayNode params = fn.putArray("parameters");
        List<String> names = FUNCTIONS.get(canonical);
        for (int i = 0; i < args.size(); i++) {
            String key = i < names.size() ? names.get(i)
                    : canonical.equals("Switch") ? names.get(2 + (i - 2) % 2) : names.get(names.size() - 1);
            params.addObject().put("key", key).set("value", args.get(i));
        }
        return fn;
    }

    private static void checkArity(String fn, int n) {
        boolean ok = switch (fn) {
            case "Switch" -> n >= 4 && n % 2 == 0;
            case "SingleAppRoleAssignment", "Not" -> n == 1;
            case "Append" -> n == 2;
            case "ToLower", "ToUpper" -> n == 1 || n == 2;
            default -> n >= 1;
        };
        if (!ok) {
            throw new ParseException("Wrong number of arguments (" + n + ") for function " + fn + ".");
        }
    }

    private static ObjectNode node(String type, String name, String expression) {
        ObjectNode n = Json.obj();
        n.put("expression", expression);
        n.put("name", name);
        n.putArray("parameters");
        n.put("type", type);
        return n;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /**
     * Evaluates a source tree. Attribute values come from {@code attrs} (case-insensitive names); a multi-valued
     * attribute (appRoleAssignments) is a JSON array. Returns null for "no value".
     */
    static String evaluate(JsonNode source, Map<String, JsonNode> attrs) {
        String type = source.path("type").asText();
        String name = source.path("name").asText();
        switch (type) {
            case "Constant":
                return name;
            case "Attribute": {
                JsonNode v = lookup(attrs, name);
                if (v == null || v.isNull()) {
                    return null;
                }
                return v.isArray() ? (v.isEmpty() ? null : v.get(0).asText()) : v.asText();
            }
            case "Function":
                break;
            default:
                throw new ParseException("Unknown source type '" + type + "'.");
        }
        List<JsonNode> params = new ArrayList<>();
        source.path("parameters").forEach(p -> params.add(p.path("value")));
        switch (name) {
            case "SingleAppRoleAssignment": {
                JsonNode first = params.get(0);
                JsonNode roles = first.path("type").asText().equals("Attribute") ? lookup(attrs, first.path("name").asText()) : null;
                return roles == null || !roles.isArray() || roles.isEmpty() ? null : roles.get(0).asText();
            }
            case "Switch": {
                String value = evaluate(params.get(0), attrs);
                for (int i = 2; i + 1 < params.size(); i += 2) {
                    if (value != null && value.equals(evaluate(params.get(i), attrs))) {
                        return evaluate(params.get(i + 1), attrs);
                    }
                }
                return evaluate(params.get(1), attrs);
            }
            case "Not": {
                String v = evaluate(params.get(0), attrs);
                return v == null ? null : String.valueOf(!Boolean.parseBoolean(v));
            }
            case "ToLower", "ToUpper": {
                String v = evaluate(params.get(0), attrs);
                return v == null ? null : name.equals("ToLower") ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
            }
            case "Append": {
                String v = evaluate(params.get(0), attrs);
                String s = evaluate(params.get(1), attrs);
                return v == null ? null : v + (s == null ? "" : s);
            }
            case "Coalesce": {
                for (JsonNode p : params) {
                    String v = evaluate(p, attrs);
                    if (v != null && !v.isEmpty()) {
                        return v;
                    }
                }
                return null;
            }
            case "Join": {
                String sep = evaluate(params.get(0), attrs);
                List<String> parts = new ArrayList<>();
                params.subList(1, params.size()).forEach(p -> {
                    String v = evaluate(p, attrs);
                    if (v != null) {
                        parts.add(v);
                    }
                });
                return String.join(sep == null ? "" : sep, parts);
            }
            default:
                throw new ParseException("The function '" + name + "' is not supported by the sandbox.");
        }
    }

    private static JsonNode lookup(Map<String, JsonNode> attrs, String name) {
        for (var e : attrs.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
