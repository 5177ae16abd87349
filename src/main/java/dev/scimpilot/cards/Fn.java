package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The Adaptive Expressions functions and operators SCIM Pilot's engine knows. Anything else is rejected when a
 * template is loaded, so a typo in a card fails a test instead of rendering {@code ${typo(x)}} in Teams.
 */
enum Fn {
    IF("if", null, 3, 3, Conditions::ifFn),
    AND("and", "&&", 1, Integer.MAX_VALUE, Conditions::and),
    OR("or", "||", 1, Integer.MAX_VALUE, Conditions::or),
    NOT("not", "!", 1, 1, Conditions::not),
    EQUALS("equals", "==", 2, 2, (a, s, o) -> Conditions.compare(a, s, false, Conditions::eq)),
    NOT_EQUALS("!=", "!=", 2, 2, (a, s, o) -> Conditions.compare(a, s, false, (x, y) -> !Conditions.eq(x, y))),
    LESS("less", "<", 2, 2, (a, s, o) -> Conditions.compare(a, s, true, (x, y) -> Conditions.order(x, y) < 0)),
    LESS_OR_EQUALS("lessOrEquals", "<=", 2, 2, (a, s, o) -> Conditions.compare(a, s, true, (x, y) -> Conditions.order(x, y) <= 0)),
    GREATER("greater", ">", 2, 2, (a, s, o) -> Conditions.compare(a, s, true, (x, y) -> Conditions.order(x, y) > 0)),
    GREATER_OR_EQUALS("greaterOrEquals", ">=", 2, 2, (a, s, o) -> Conditions.compare(a, s, true, (x, y) -> Conditions.order(x, y) >= 0)),
    EXISTS("exists", null, 1, 1, (a, s, o) -> Conditions.compare(a, s, true, (x, y) -> true)),
    EMPTY("empty", null, 1, 1, Conditions::empty),
    ADD("add", "+", 2, Integer.MAX_VALUE, Functions::add),
    SUBTRACT("sub", "-", 2, Integer.MAX_VALUE, (a, s, o) -> Functions.arithmetic(a, s, o, '-')),
    MULTIPLY("mul", "*", 2, Integer.MAX_VALUE, (a, s, o) -> Functions.arithmetic(a, s, o, '*')),
    DIVIDE("div", "/", 2, Integer.MAX_VALUE, (a, s, o) -> Functions.arithmetic(a, s, o, '/')),
    MOD("mod", "%", 2, 2, Functions::mod),
    COUNT("count", null, 1, 1, Functions::count),
    LENGTH("length", null, 1, 1, Functions::length),
    JOIN("join", null, 2, 3, Functions::join),
    CONCAT("concat", null, 1, Integer.MAX_VALUE, Functions::concat),
    TO_UPPER("toUpper", null, 1, 1, (a, s, o) -> Functions.changeCase(a, s, o, true)),
    TO_LOWER("toLower", null, 1, 1, (a, s, o) -> Functions.changeCase(a, s, o, false)),
    FORMAT_DATE_TIME("formatDateTime", null, 1, 2, Functions::formatDateTime),
    STRING("string", null, 1, 1, Functions::string),
    INT("int", null, 1, 1, Functions::toInt),
    FIRST("first", null, 1, 1, (a, s, o) -> Functions.firstOrLast(a, s, o, true)),
    LAST("last", null, 1, 1, (a, s, o) -> Functions.firstOrLast(a, s, o, false)),
    CONTAINS("contains", null, 2, 2, Functions::contains);

    /** How one function evaluates its (unevaluated) arguments; some switch substitution off or short-circuit. */
    @FunctionalInterface
    interface Impl {
        JsonNode apply(Expr[] args, Scope scope, boolean subst);
    }

    private static final Map<String, Fn> BY_NAME = new HashMap<>();
    private static final Map<String, Fn> BY_OPERATOR = new HashMap<>();

    static {
        for (Fn fn : values()) {
            BY_NAME.put(fn.name, fn);
            if (fn.operator != null) {
                BY_OPERATOR.put(fn.operator, fn);
            }
        }
        // "<>" lexes as an operator but the official engine has no function for it, so it is not supported.
    }

    final String name;
    final String operator;
    final int minArgs;
    final int maxArgs;
    private final Impl impl;

    Fn(String name, String operator, int minArgs, int maxArgs, Impl impl) {
        this.name = name;
        this.operator = operator;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.impl = impl;
    }

    JsonNode apply(Expr[] args, Scope scope, boolean subst) {
        return impl.apply(args, scope, subst);
    }

    /** The function called {@code name} in an expression, or null when the engine does not know it. */
    static Fn byName(String name) {
        return BY_NAME.get(name);
    }

    static Fn byOperator(String operator) {
        return BY_OPERATOR.get(operator);
    }
}
