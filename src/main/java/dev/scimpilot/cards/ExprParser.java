package dev.scimpilot.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one Adaptive Expression (the text inside {@code ${...}}) with the operator precedence of the official
 * ANTLR grammar (note {@code ==} binds tighter than {@code <}). Unknown functions and grammar the engine does not
 * support (lambdas, object/array literals, {@code ^ & ??}) are rejected here, i.e. when the template loads.
 */
final class ExprParser {

    private final List<ExprLexer.Token> tokens;
    private int pos;

    private ExprParser(List<ExprLexer.Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        ExprParser p = new ExprParser(ExprLexer.tokenize(text));
        if (p.peek().type() == ExprLexer.Kind.END) {
            throw new IllegalArgumentException("empty expression");
        }
        Expr e = p.ternary();
        if (p.peek().type() != ExprLexer.Kind.END) {
            throw new IllegalArgumentException("unexpected '" + p.peek().text() + "'");
        }
        return e;
    }

    private ExprLexer.Token peek() {
        return tokens.get(pos);
    }

    private boolean atOp(String... ops) {
        ExprLexer.Token t = peek();
        if (t.type() != ExprLexer.Kind.OP) {
            return false;
        }
        for (String op : ops) {
            if (t.text().equals(op)) {
                return true;
            }
        }
        return false;
    }

    private void expect(String op) {
        if (!atOp(op)) {
            throw new IllegalArgumentException("expected '" + op + "' but found '" + peek().text() + "'");
        }
        pos++;
    }

    private Expr ternary() {
        Expr cond = binary(0);
        if (atOp("??")) {
            throw new IllegalArgumentException("operator ?? is not supported");
        }
        if (atOp("?")) {
            pos++;
            Expr yes = ternary();
            expect(":");
            Expr no = ternary();
            return new Expr.Call(Fn.IF, new Expr[] {cond, yes, no});
        }
        return cond;
    }

    /** Binary levels from loosest to tightest; '&' and '^' are in the grammar but not supported here. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"<", "<=", ">", ">="}, {"&"}, {"==", "!=", "<>"}, {"+", "-"}, {"*", "/", "%"}, {"^"}
    };

    private Expr binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (atOp(LEVELS[level])) {
            String op = peek().text();
            Fn fn = Fn.byOperator(op);
            if (fn == null) {
                throw new IllegalArgumentException("operator " + op + " is not supported");
            }
            pos++;
            Expr right = binary(level + 1);
            left = new Expr.Call(fn, new Expr[] {left, right});
        }
        return left;
    }

    private Expr unary() {
        if (atOp("!")) {
            pos++;
            return new Expr.Call(Fn.NOT, new Expr[] {unary()});
        }
        if (atOp("-", "+")) {
            Fn fn = peek().text().equals("-") ? Fn.SUBTRACT : Fn.ADD;
            pos++;
            return new Expr.Call(fn, new Expr[] {new Expr.Const(Js.num(0)), unary()});
        }
        return postfix(primary());
    }

    private Expr primary() {
        ExprLexer.Token t = peek();
        pos++;
        switch (t.type()) {
            case NUMBER:
                return new Expr.Const(Js.num(Double.parseDouble(t.text())));
            case STRING:
                return new Expr.Const(Js.text(t.text()));
            case IDENT:
                return switch (t.text()) {
                    case "true" -> new Expr.Const(Js.bool(true));
                    case "false" -> new Expr.Const(Js.bool(false));
                    case "null" -> new Expr.Const(Js.NODES.nullNode());
                    case "undefined" -> new Expr.Const(Js.UNDEFINED);
                    default -> new Expr.Path(null, List.of(t.text()));
                };
            default:
                if (t.type() == ExprLexer.Kind.OP && t.text().equals("(")) {
                    Expr inner = ternary();
                    expect(")");
                    return inner;
                }
                throw new IllegalArgumentException("unexpected '" + t.text() + "'");
        }
    }

    private Expr postfix(Expr e) {
        while (true) {
            if (atOp(".")) {
                pos++;
                ExprLexer.Token name = peek();
                if (name.type() != ExprLexer.Kind.IDENT) {
                    throw new IllegalArgumentException("expected a property name after '.'");
                }
                pos++;
                Expr.Path path = asPath(e);
                List<Object> segments = new ArrayList<>(path.segments);
                segments.add(name.text());
                e = new Expr.Path(path.base, segments);
            } else if (atOp("[")) {
                pos++;
                Expr index = ternary();
                expect("]");
                e = new Expr.Index(e, index);
            } else if (atOp("(")) {
                e = call(e);
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr callee) {
        if (!(callee instanceof Expr.Path p) || p.base != null || p.segments.size() != 1) {
            throw new IllegalArgumentException("only plain function names can be called: " + callee);
        }
        String name = (String) p.segments.get(0);
        Fn fn = Fn.byName(name);
        if (fn == null) {
            throw new IllegalArgumentException("unknown function " + name);
        }
        pos++;
        List<Expr> args = new ArrayList<>();
        if (!atOp(")")) {
            args.add(ternary());
            while (atOp(",")) {
                pos++;
                args.add(ternary());
            }
        }
        expect(")");
        if (args.size() < fn.minArgs || args.size() > fn.maxArgs) {
            throw new IllegalArgumentException(name + " takes " + fn.minArgs
                    + (fn.maxArgs == fn.minArgs ? "" : ".." + (fn.maxArgs == Integer.MAX_VALUE ? "n" : fn.maxArgs))
                    + " arguments, not " + args.size());
        }
        return new Expr.Call(fn, args.toArray(new Expr[0]));
    }

    /** Adaptive Expressions folds {@code a[0].b} into one memory path; a non-path base is evaluated first. */
    private static Expr.Path asPath(Expr e) {
        if (e instanceof Expr.Path p) {
            return p;
        }
        if (e instanceof Expr.Index ix) {
            Expr.Path inner = asPath(ix.instance);
            List<Object> segments = new ArrayList<>(inner.segments);
            segments.add(ix.index);
            return new Expr.Path(inner.base, segments);
        }
        return new Expr.Path(e, List.of());
    }
}
