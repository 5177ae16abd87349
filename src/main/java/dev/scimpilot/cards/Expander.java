package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Expansion rules of {@code adaptivecards-templating} 2.3.1 ({@code Template.internalExpand}): an object whose
 * {@code $data} is an array becomes one copy per item (spliced into the enclosing array), {@code $when} keeps an
 * object only when it evaluates to the boolean true, nulls are dropped from arrays, and a binding whose property
 * is missing is written back as {@code ${path}}.
 */
final class Expander {

    private Expander() {}

    static JsonNode expandRoot(Node root, Scope scope) {
        JsonNode result = expand(root, scope);
        return result.isMissingNode() ? Js.NODES.nullNode() : result;
    }

    /** Returns JSON, NullNode for JS null (dropped from arrays), MissingNode for undefined (dropped from objects). */
    static JsonNode expand(Node node, Scope scope) {
        if (node instanceof Node.Literal literal) {
            return literal.value();
        }
        if (node instanceof Node.Whole whole) {
            return whole(whole, scope);
        }
        if (node instanceof Node.Interp interp) {
            return Js.text(interpolate(interp.parts(), interp.source(), scope));
        }
        if (node instanceof Node.Arr arr) {
            return array(arr, scope);
        }
        return object((Node.Obj) node, scope);
    }

    private static JsonNode whole(Node.Whole whole, Scope scope) {
        JsonNode value = topLevel(whole, scope);
        // Data subtrees are copied so a caller editing the card cannot edit the data (or a cached literal).
        return value.isContainerNode() ? value.deepCopy() : value;
    }

    /** The official engine's own concatenation: a failing part is written back as {@code ${expr}}. */
    private static String interpolate(Object[] parts, String source, Scope scope) {
        StringBuilder sb = new StringBuilder(source.length() + 16);
        for (Object part : parts) {
            if (part instanceof String text) {
                sb.append(text);
                continue;
            }
            Expr expr = (Expr) part;
            String piece;
            try {
                piece = Js.toJsString(expr.eval(scope, true));
            } catch (EvalError e) {
                piece = "${" + expr + "}";
            }
            if (piece == null) {
                // JS calls value.toString() on null/undefined here and the whole expansion throws a TypeError.
                throw new CardTemplateException("expression ${" + expr + "} in \"" + source
                        + "\" is null or undefined; the official engine fails on this (use $when or a default)");
            }
            sb.append(piece);
        }
        return sb.toString();
    }

    private static JsonNode array(Node.Arr arr, Scope scope) {
        ArrayNode out = Js.NODES.arrayNode(arr.items().length);
        for (Node item : arr.items()) {
            JsonNode v = expand(item, scope);
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                out.addAll((ArrayNode) v);
            } else {
                out.add(v.isMissingNode() ? Js.NODES.nullNode() : v);
            }
        }
        return out;
    }

    private static JsonNode object(Node.Obj obj, Scope scope) {
        if (obj.data() == null) {
            return when(obj, scope) ? single(obj, scope) : Js.NODES.nullNode();
        }
        JsonNode data = dataValue(obj.data(), scope);
        List<JsonNode> results = new ArrayList<>(data.isArray() ? data.size() : 1);
        if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                Scope itemScope = scope.withData(data.get(i), i);
                if (when(obj, itemScope)) {
                    results.add(single(obj, itemScope));
                }
            }
        } else {
            Scope itemScope = data.isMissingNode() ? scope : scope.withData(data);
            if (when(obj, itemScope)) {
                results.add(single(obj, itemScope));
            }
        }
        if (results.isEmpty()) {
            return Js.NODES.nullNode();
        }
        if (results.size() == 1) {
            return results.get(0);
        }
        ArrayNode many = Js.NODES.arrayNode(results.size());
        many.addAll(results);
        return many;
    }

    private static JsonNode dataValue(Node data, Scope scope) {
        return data instanceof Node.Whole whole ? topLevel(whole, scope) : expand(data, scope);
    }

    /**
     * A whole-value binding (or $data). The official engine treats a top-level {@code concat(...)} like text
     * with bindings (its type is the same "concat"), so {@code concat(list, x)} gives {@code "a,b,x"} there.
     */
    private static JsonNode topLevel(Node.Whole whole, Scope scope) {
        if (whole.expr() instanceof Expr.Call call && call.fn == Fn.CONCAT) {
            return Js.text(interpolate(call.args, whole.source(), scope));
        }
        try {
            return whole.expr().eval(scope, true);
        } catch (EvalError e) {
            throw new CardTemplateException("expression " + whole.source() + " failed: " + e.getMessage());
        }
    }

    /** {@code $when}: only the boolean true keeps the object; an error or any other value drops it. */
    private static boolean when(Node.Obj obj, Scope scope) {
        Node when = obj.when();
        if (when == null) {
            return true;
        }
        if (when instanceof Node.Whole whole) {
            try {
                JsonNode v = whole.expr().eval(scope, false);
                return v.isBoolean() && v.booleanValue();
            } catch (EvalError e) {
                return false;
            }
        }
        if (when instanceof Node.Literal literal) {
            // Not an expression: the official engine drops the object when the literal is truthy (sic).
            return !Js.truthy(literal.value());
        }
        return false; // text with bindings evaluates to a string, never to true
    }

    private static ObjectNode single(Node.Obj obj, Scope scope) {
        String[] keys = obj.keys();
        ObjectNode out = Js.NODES.objectNode();
        Node[] values = obj.values();
        for (int i = 0; i < keys.length; i++) {
            JsonNode v = expand(values[i], scope);
            if (!v.isMissingNode()) {
                out.set(keys[i], v);
            }
        }
        return out;
    }
}
