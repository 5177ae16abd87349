package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The conditional functions ({@code if}, {@code and}, {@code or}, {@code not}, comparisons, {@code exists},
 * {@code empty}) and JS-style equality. They evaluate their operands without null substitution and turn an
 * operand error into false, as Adaptive Expressions does, which is what makes {@code $when} safe on missing data.
 */
final class Conditions {

    private Conditions() {}

    /** Evaluates, turning an evaluation error into null (Java null, not JSON null). */
    private static JsonNode orError(Expr e, Scope scope, boolean subst) {
        try {
            return e.eval(scope, subst);
        } catch (EvalError err) {
            return null;
        }
    }

    static JsonNode ifFn(Expr[] a, Scope s, boolean subst) {
        JsonNode cond = orError(a[0], s, false);
        return (cond != null && Js.isLogicTrue(cond) ? a[1] : a[2]).eval(s, subst);
    }

    static JsonNode and(Expr[] a, Scope s, boolean subst) {
        for (Expr child : a) {
            JsonNode v = orError(child, s, false);
            if (v == null || !Js.isLogicTrue(v)) {
                return Js.bool(false);
            }
        }
        return Js.bool(true);
    }

    static JsonNode or(Expr[] a, Scope s, boolean subst) {
        for (Expr child : a) {
            JsonNode v = orError(child, s, false);
            if (v != null && Js.isLogicTrue(v)) {
                return Js.bool(true);
            }
        }
        return Js.bool(false);
    }

    static JsonNode not(Expr[] a, Scope s, boolean subst) {
        JsonNode v = orError(a[0], s, false);
        return Js.bool(v == null || !Js.isLogicTrue(v));
    }

    /** ComparisonEvaluator: operands without substitution; an operand error (or a null, if checked) is just false. */
    static JsonNode compare(Expr[] a, Scope s, boolean notNull, BiPredicate<JsonNode, JsonNode> test) {
        JsonNode[] v = new JsonNode[a.length];
        for (int i = 0; i < a.length; i++) {
            v[i] = orError(a[i], s, false);
            if (v[i] == null || (notNull && Js.isUndefinedOrNull(v[i]))) {
                return Js.bool(false);
            }
        }
        return Js.bool(test.test(v[0], v.length > 1 ? v[1] : null));
    }

    static boolean eq(JsonNode x, JsonNode y) {
        return commonEquals(x, y);
    }

    static int order(JsonNode x, JsonNode y) {
        if (Js.isNumber(x) && Js.isNumber(y)) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx < dy ? -1 : dx > dy ? 1 : 0;
        }
        if (x.isTextual() && y.isTextual()) {
            return Integer.signum(x.textValue().compareTo(y.textValue()));
        }
        throw new EvalError(Js.toJsString(x) + " and " + Js.toJsString(y) + " must be comparable.");
    }

    static JsonNode empty(Expr[] a, Scope s, boolean subst) {
        JsonNode v = orError(a[0], s, false);
        if (v == null || v.isNumber() || v.isBoolean()) {
            return Js.bool(false);
        }
        boolean empty = Js.isUndefinedOrNull(v) || (v.isTextual() ? v.textValue().isEmpty() : v.size() == 0);
        return Js.bool(empty);
    }

    /** Adaptive Expressions' {@code commonEquals}: deep for containers, epsilon for numbers, strict otherwise. */
    static boolean commonEquals(JsonNode a, JsonNode b) {
        if (Js.isUndefinedOrNull(a) || Js.isUndefinedOrNull(b)) {
            return Js.isUndefinedOrNull(a) && Js.isUndefinedOrNull(b);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!commonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            return deepEquals(a, b);
        }
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.doubleValue() - b.doubleValue()) < Math.ulp(1.0) || a.doubleValue() == b.doubleValue();
        }
        return strictEquals(a, b);
    }

    /** lodash {@code isEqual} on JSON values. */
    private static boolean deepEquals(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !deepEquals(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!deepEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return strictEquals(a, b);
    }

    private static boolean strictEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return a == b;
        }
        return a.equals(b);
    }
}
