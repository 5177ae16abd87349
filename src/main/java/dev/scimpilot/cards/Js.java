package dev.scimpilot.cards;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * JavaScript value semantics on Jackson trees, so the Java engine computes what the official (JS) engine computes.
 * JS {@code undefined} is {@link MissingNode}, JS {@code null} is {@code NullNode}; every number is a double and is
 * written the way {@code JSON.stringify} writes it (integral values without a fraction).
 */
final class Js {

    static final JsonNode UNDEFINED = MissingNode.getInstance();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Js() {}

    static boolean isUndefinedOrNull(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull();
    }

    /** JS {@code isNumber}: a number that is not NaN. */
    static boolean isNumber(JsonNode v) {
        return v != null && v.isNumber() && !Double.isNaN(v.doubleValue());
    }

    static boolean isInteger(JsonNode v) {
        if (!isNumber(v)) {
            return false;
        }
        double d = v.doubleValue();
        return !Double.isInfinite(d) && d == Math.rint(d);
    }

    /** The node JSON.parse(JSON.stringify(d)) would give when read by Jackson: integral values become ints/longs. */
    static JsonNode num(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.007199254740992E15) {
            long l = (long) d;
            if (l == (int) l) {
                return d == 0 ? IntNode.valueOf(0) : IntNode.valueOf((int) l);
            }
            return LongNode.valueOf(l);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            // JS prints large integers with their shortest digits padded by zeros (2^60 -> 1152921504606847000).
            java.math.BigInteger big = new BigDecimal(DoubleToDecimal.toString(d)).toBigIntegerExact();
            return big.bitLength() < 64 ? LongNode.valueOf(big.longValue())
                    : com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(big);
        }
        return DoubleNode.valueOf(d);
    }

    static JsonNode bool(boolean b) {
        return BooleanNode.valueOf(b);
    }

    static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    /** JS truthiness ({@code !value} is false): used where the official engine tests {@code if (value)}. */
    static boolean truthy(JsonNode v) {
        if (isUndefinedOrNull(v)) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return true;
    }

    /** Adaptive Expressions' {@code isLogicTrue}: only false, null and undefined are false (0 and "" are true). */
    static boolean isLogicTrue(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return !isUndefinedOrNull(v);
    }

    /** JS {@code Number.prototype.toString()}: shortest round-trip digits, exponent outside [1e-6, 1e21). */
    static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal bd = new BigDecimal(DoubleToDecimal.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return bd.toPlainString();
        }
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    /**
     * JS {@code value.toString()} as the official engine uses it when it splices a value into a string.
     * Returns null where JS would throw a TypeError (null and undefined have no toString).
     */
    static String toJsString(JsonNode v) {
        if (isUndefinedOrNull(v)) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return numberToString(v.doubleValue());
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        if (v.isArray()) {
            return arrayJoin(v, ",");
        }
        return "[object Object]";
    }

    /** JS {@code Array.prototype.join}: null and undefined elements become empty strings. */
    static String arrayJoin(JsonNode array, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            String s = toJsString(array.get(i));
            if (s != null) {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** Adaptive Expressions' {@code commonStringify}: JSON for objects and arrays (outer quotes trimmed), "" for null. */
    static String commonStringify(JsonNode v) {
        if (isUndefinedOrNull(v)) {
            return "";
        }
        if (v.isContainerNode()) {
            String json = v.toString();
            int start = 0;
            int end = json.length();
            while (start < end && (json.charAt(start) == '"' || json.charAt(start) == '\'')) {
                start++;
            }
            while (end > start && (json.charAt(end - 1) == '"' || json.charAt(end - 1) == '\'')) {
                end--;
            }
            return json.substring(start, end);
        }
        return toJsString(v);
    }

    /**
     * A copy of {@code tree} whose numbers are written as JSON.stringify writes them (1.0 becomes 1), so the
     * Java engine's output and the official engine's output compare equal as Jackson trees.
     */
    static JsonNode canonical(JsonNode tree) {
        if (tree == null) {
            return UNDEFINED;
        }
        return isCanonical(tree) ? tree : copyCanonical(tree);
    }

    private static boolean isCanonical(JsonNode tree) {
        if (tree.isTextual() || tree.isInt()) {
            return true;
        }
        if (tree.isNumber()) {
            return num(tree.doubleValue()).equals(tree);
        }
        if (tree.isContainerNode()) {
            for (JsonNode child : tree) {
                if (!isCanonical(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode copyCanonical(JsonNode tree) {
        if (tree.isNumber()) {
            return num(tree.doubleValue());
        }
        if (tree.isObject()) {
            ObjectNode copy = NODES.objectNode();
            tree.fields().forEachRemaining(e -> copy.set(e.getKey(), copyCanonical(e.getValue())));
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = NODES.arrayNode(tree.size());
            tree.forEach(item -> copy.add(copyCanonical(item)));
            return copy;
        }
        return tree;
    }
}
