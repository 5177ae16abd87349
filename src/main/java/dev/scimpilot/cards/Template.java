package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded card template: parsed once (every binding compiled, unknown functions rejected), then expanded any
 * number of times from any thread; it holds no mutable state.
 */
final class Template {

    /** Keys the official engine never copies to the output. */
    private static final Set<String> RESERVED = Set.of("$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion");

    private final String name;
    private final Node root;

    private Template(String name, Node root) {
        this.name = name;
        this.root = root;
    }

    static Template compile(String name, JsonNode json) {
        return new Template(name, new Compiler(name).node(json));
    }

    String name() {
        return name;
    }

    /** Expands with {@code data} as {@code $root}; data numbers must already be canonical (see {@link Js#canonical}). */
    JsonNode expand(JsonNode data) {
        try {
            return Expander.expandRoot(root, Scope.of(data));
        } catch (CardTemplateException e) {
            throw new CardTemplateException("card template '" + name + "': " + e.getMessage(), e);
        }
    }

    private record Compiler(String template) {

        Node node(JsonNode json) {
            if (json.isTextual()) {
                return string(json.textValue());
            }
            if (json.isArray()) {
                List<Node> items = new ArrayList<>(json.size());
                json.forEach(item -> items.add(node(item)));
                return new Node.Arr(items.toArray(new Node[0]));
            }
            if (json.isObject()) {
                return object(json);
            }
            return new Node.Literal(Js.canonical(json));
        }

        private Node object(JsonNode json) {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            Node data = null;
            Node when = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$data")) {
                    data = dataNode(e.getValue());
                } else if (e.getKey().equals("$when")) {
                    when = node(e.getValue());
                } else if (!RESERVED.contains(e.getKey())) {
                    keys.add(e.getKey());
                    values.add(node(e.getValue()));
                }
            }
            return new Node.Obj(keys.toArray(new String[0]), values.toArray(new Node[0]), data, when);
        }

        /** A literal $data array or object is used as data as written, so it may not contain bindings. */
        private Node dataNode(JsonNode json) {
            if (json.isContainerNode()) {
                if (json.toString().contains("${")) {
                    throw error("a literal $data array/object with bindings inside is not supported", json.toString());
                }
                return new Node.Literal(Js.canonical(json));
            }
            return node(json);
        }

        private Node string(String s) {
            List<Object> raw;
            try {
                raw = Interpolation.split(s);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage(), s);
            }
            if (raw == null) {
                return new Node.Literal(Js.text(s));
            }
            List<Object> parts = new ArrayList<>(raw.size());
            for (Object part : raw) {
                if (part instanceof String[] binding) {
                    try {
                        parts.add(ExprParser.parse(binding[0]));
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage(), "${" + binding[0] + "}");
                    }
                } else {
                    parts.add(part);
                }
            }
            // Exactly one binding that is not a literal keeps its JSON type; "${1}" is still the string "1".
            if (parts.size() == 1 && parts.get(0) instanceof Expr e && !(e instanceof Expr.Const)) {
                return new Node.Whole(e, s);
            }
            return new Node.Interp(parts.toArray(), s);
        }

        private CardTemplateException error(String problem, String expression) {
            return new CardTemplateException("card template '" + template + "', expression " + expression + ": " + problem);
        }
    }
}
