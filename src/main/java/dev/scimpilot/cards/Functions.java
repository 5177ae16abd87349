package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;

/**
 * The bodies of {@link Fn} (conditions are in {@link Conditions}), each a port of the Adaptive Expressions 4.23 function of the same name (argument
 * checks, error cases and JS coercions included), because "close enough" renders differently in Teams.
 */
final class Functions {

    private Functions() {}

    static JsonNode add(Expr[] a, Scope s, boolean subst) {
        JsonNode soFar = null;
        for (int i = 0; i < a.length; i++) {
            JsonNode v = a[i].eval(s, subst);
            if (!v.isTextual() && !v.isMissingNode() && !Js.isNumber(v)) {
                throw new EvalError(a[i] + " is neither a number nor string");
            }
            soFar = i == 0 ? v : add(soFar, v);
        }
        return soFar;
    }

    private static JsonNode add(JsonNode x, JsonNode y) {
        boolean xNum = Js.isNumber(x);
        boolean yNum = Js.isNumber(y);
        if ((Js.isUndefinedOrNull(x) && yNum) || (Js.isUndefinedOrNull(y) && xNum)) {
            throw new EvalError("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
        }
        if (xNum && yNum) {
            return Js.num(x.doubleValue() + y.doubleValue());
        }
        String left = Js.isUndefinedOrNull(x) ? "" : Js.toJsString(x);
        String right = Js.isUndefinedOrNull(y) ? "" : Js.toJsString(y);
        return Js.text(left + right);
    }

    static JsonNode arithmetic(Expr[] a, Scope s, boolean subst, char op) {
        double soFar = 0;
        for (int i = 0; i < a.length; i++) {
            JsonNode v = a[i].eval(s, subst);
            if (!Js.isNumber(v)) {
                throw new EvalError(a[i] + " is not a number.");
            }
            double d = v.doubleValue();
            if (op == '/' && i > 0 && d == 0) {
                throw new EvalError("Cannot divide by 0 from " + a[i]);
            }
            if (i == 0) {
                soFar = d;
            } else if (op == '-') {
                soFar -= d;
            } else if (op == '*') {
                soFar *= d;
            } else {
                // Divide floors when both operands are integers (integer division, as in C#).
                boolean bothInts = d == Math.rint(d) && soFar == Math.rint(soFar) && !Double.isInfinite(soFar);
                soFar = bothInts ? Math.floor(soFar / d) : soFar / d;
            }
        }
        return Js.num(soFar);
    }

    static JsonNode mod(Expr[] a, Scope s, boolean subst) {
        JsonNode x = a[0].eval(s, subst);
        if (!Js.isInteger(x)) {
            throw new EvalError(a[0] + " is not a integer.");
        }
        JsonNode y = a[1].eval(s, subst);
        if (!Js.isInteger(y)) {
            throw new EvalError(a[1] + " is not a integer.");
        }
        if (y.doubleValue() == 0) {
            throw new EvalError("Cannot mod by 0.");
        }
        return Js.num(x.doubleValue() % y.doubleValue());
    }

    static JsonNode count(Expr[] a, Scope s, boolean subst) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isTextual()) {
            return Js.num(v.textValue().length());
        }
        if (v.isContainerNode()) {
            return Js.num(v.size());
        }
        throw new EvalError(a[0] + " must be a string, list, map or object.");
    }

    static JsonNode length(Expr[] a, Scope s, boolean subst) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isMissingNode()) {
            return Js.num(0);
        }
        if (!v.isTextual()) {
            throw new EvalError(a[0] + " is neither a string nor a null object.");
        }
        return Js.num(v.textValue().length());
    }

    static JsonNode join(Expr[] a, Scope s, boolean subst) {
        JsonNode list = a[0].eval(s, subst);
        JsonNode sep = a[1].eval(s, subst);
        JsonNode lastSep = a.length == 3 ? a[2].eval(s, subst) : null;
        if (!list.isArray()) {
            throw new EvalError(a[0] + " evaluates to " + Js.toJsString(list) + " which is not a list.");
        }
        if (lastSep == null) {
            return Js.text(Js.arrayJoin(list, separator(sep)));
        }
        if (list.size() < 3) {
            return Js.text(Js.arrayJoin(list, separator(lastSep)));
        }
        ArrayNode head = Js.NODES.arrayNode();
        for (int i = 0; i < list.size() - 1; i++) {
            head.add(list.get(i));
        }
        return Js.text(Js.arrayJoin(head, separator(sep)) + jsString(lastSep) + jsString(list.get(list.size() - 1)));
    }

    /** JS {@code Array.prototype.join}'s separator: undefined means ",". */
    private static String separator(JsonNode sep) {
        return sep.isMissingNode() ? "," : jsString(sep);
    }

    /** JS {@code String(value)}. */
    private static String jsString(JsonNode v) {
        return v.isMissingNode() ? "undefined" : v.isNull() ? "null" : Js.toJsString(v);
    }

    static JsonNode concat(Expr[] a, Scope s, boolean subst) {
        JsonNode soFar = a[0].eval(s, subst);
        for (int i = 1; i < a.length; i++) {
            JsonNode next = a[i].eval(s, subst);
            if (Js.isUndefinedOrNull(soFar) && Js.isUndefinedOrNull(next)) {
                soFar = Js.UNDEFINED;
            } else if (Js.isUndefinedOrNull(soFar) && next.isArray()) {
                soFar = next;
            } else if (Js.isUndefinedOrNull(next) && soFar.isArray()) {
                // keep soFar
            } else if (soFar.isArray() && next.isArray()) {
                ArrayNode both = Js.NODES.arrayNode();
                both.addAll((ArrayNode) soFar);
                both.addAll((ArrayNode) next);
                soFar = both;
            } else {
                soFar = Js.text(Js.commonStringify(soFar) + Js.commonStringify(next));
            }
        }
        return soFar;
    }

    static JsonNode changeCase(Expr[] a, Scope s, boolean subst, boolean upper) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isMissingNode()) {
            return Js.text("");
        }
        if (!v.isTextual()) {
            throw new EvalError(a[0] + " is neither a string nor a null object.");
        }
        String t = v.textValue();
        return Js.text(upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
    }

    static JsonNode formatDateTime(Expr[] a, Scope s, boolean subst) {
        JsonNode when = a[0].eval(s, subst);
        JsonNode format = a.length > 1 ? a[1].eval(s, subst) : null;
        if (!when.isTextual()) {
            throw new EvalError("arg.toISOString is not a function");
        }
        String pattern = format != null && format.isTextual() ? format.textValue() : null;
        return Js.text(DateTimes.format(when.textValue(), pattern));
    }

    static JsonNode string(Expr[] a, Scope s, boolean subst) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isTextual()) {
            return v;
        }
        if (Js.isNumber(v)) {
            return Js.text(NumberText.grouped(v.doubleValue()));
        }
        return Js.text(Js.commonStringify(v));
    }

    static JsonNode toInt(Expr[] a, Scope s, boolean subst) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isTextual()) {
            Double parsed = NumberText.parseInt(v.textValue());
            if (parsed == null) {
                throw new EvalError("parameter " + v.textValue() + " is not a valid number string.");
            }
            return Js.num(parsed);
        }
        if (Js.isNumber(v)) {
            return Js.num(NumberText.parseInt(Js.numberToString(v.doubleValue())));
        }
        return Js.UNDEFINED;
    }

    static JsonNode firstOrLast(Expr[] a, Scope s, boolean subst, boolean first) {
        JsonNode v = a[0].eval(s, subst);
        if (v.isTextual() && !v.textValue().isEmpty()) {
            String t = v.textValue();
            return Js.text(String.valueOf(t.charAt(first ? 0 : t.length() - 1)));
        }
        if (v.isArray() && v.size() > 0) {
            return v.get(first ? 0 : v.size() - 1);
        }
        return Js.UNDEFINED;
    }

    static JsonNode contains(Expr[] a, Scope s, boolean subst) {
        JsonNode haystack = a[0].eval(s, subst);
        JsonNode needle = a[1].eval(s, subst);
        if (haystack.isTextual() && needle.isTextual()) {
            return Js.bool(haystack.textValue().contains(needle.textValue()));
        }
        if (haystack.isArray()) {
            for (JsonNode item : haystack) {
                if (Conditions.commonEquals(item, needle)) {
                    return Js.bool(true);
                }
            }
            return Js.bool(false);
        }
        if (needle.isTextual()) {
            return Js.bool(!Paths.property(haystack, needle.textValue()).isMissingNode());
        }
        return Js.bool(false);
    }
}
