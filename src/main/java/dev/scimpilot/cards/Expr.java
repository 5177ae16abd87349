package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed Adaptive Expression. {@code subst} is the official engine's "null substitution": when on, a property
 * path that finds nothing evaluates to the text {@code ${path}} instead of undefined. Conditions (if, and, or,
 * not, comparisons, the index of {@code []}) switch it off for their operands, as Adaptive Expressions does.
 */
abstract sealed class Expr permits Expr.Const, Expr.Path, Expr.Index, Expr.Call {

    /** Evaluates to a value, {@link Js#UNDEFINED} for undefined, or throws {@link EvalError}. */
    abstract JsonNode eval(Scope scope, boolean subst);

    /** A literal: string, number, boolean, null or undefined. */
    static final class Const extends Expr {
        final JsonNode value;

        Const(JsonNode value) {
            this.value = value;
        }

        @Override
        JsonNode eval(Scope scope, boolean subst) {
            return value;
        }

        @Override
        public String toString() {
            if (value.isMissingNode()) {
                return "undefined";
            }
            if (value.isTextual()) {
                String s = value.textValue().replace("\\", "\\\\").replace("'", "\\'");
                return "'" + s + "'";
            }
            return Js.toJsString(value) == null ? "null" : Js.toJsString(value);
        }
    }

    /**
     * A property path such as {@code a.b[0].c} or {@code first(x).name}: names and computed indexes walked from
     * {@code base}, or from the scope when there is no base (Adaptive Expressions' {@code Accessor}).
     */
    static final class Path extends Expr {
        final Expr base;
        final List<Object> segments; // String (name) or Expr (computed index)

        /** The names when every segment is a name (the usual {@code a.b.c}), so evaluation allocates nothing. */
        final String[] names;

        Path(Expr base, List<Object> segments) {
            this.base = base;
            this.segments = List.copyOf(segments);
            this.names = segments.stream().allMatch(s -> s instanceof String)
                    ? segments.toArray(new String[0]) : null;
        }

        @Override
        JsonNode eval(Scope scope, boolean subst) {
            return Paths.evaluate(this, scope, subst);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(base == null ? "" : base.toString());
            for (int i = 0; i < segments.size(); i++) {
                Object seg = segments.get(i);
                if (seg instanceof Expr index) {
                    sb.append('[').append(index).append(']');
                } else {
                    if (i > 0 || base != null) {
                        sb.append('.');
                    }
                    sb.append(seg);
                }
            }
            return sb.toString();
        }
    }

    /** {@code instance[index]} that is not followed by a property name (Adaptive Expressions' {@code Element}). */
    static final class Index extends Expr {
        final Expr instance;
        final Expr index;

        Index(Expr instance, Expr index) {
            this.instance = instance;
            this.index = index;
        }

        @Override
        JsonNode eval(Scope scope, boolean subst) {
            return Paths.element(instance.eval(scope, subst), index.eval(scope, false), this);
        }

        @Override
        public String toString() {
            return instance + "[" + index + "]";
        }
    }

    /** A function or operator applied to its arguments. */
    static final class Call extends Expr {
        final Fn fn;
        final Expr[] args;

        Call(Fn fn, Expr[] args) {
            this.fn = fn;
            this.args = args;
        }

        @Override
        JsonNode eval(Scope scope, boolean subst) {
            return fn.apply(args, scope, subst);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            boolean infix = fn.operator != null && args.length >= 2;
            sb.append(infix ? "" : fn.operator != null ? fn.operator : fn.name).append('(');
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    sb.append(infix ? " " + fn.operator + " " : ", ");
                }
                sb.append(args[i]);
            }
            return sb.append(')').toString();
        }
    }
}
