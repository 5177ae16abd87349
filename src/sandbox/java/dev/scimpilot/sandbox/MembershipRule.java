package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses and evaluates Entra dynamic membership rules for users: -and/-or/-not, parentheses, -eq/-ne/-match/
 * -notMatch/-contains/-notContains/-startsWith/-notStartsWith/-in/-notIn and the assignedPlans -any/-all lambda.
 * Comparisons are case-insensitive and -match is an unanchored regex search, as Entra documents.
 */
final class MembershipRule {

    static final int MAX_LENGTH = 3072;

    private static final Set<String> USER_PROPERTIES = Set.of("accountenabled", "usertype", "mail", "userprincipalname",
            "companyname", "department", "displayname", "givenname", "surname", "jobtitle", "city", "country",
            "mailnickname", "objectid", "assignedplans", "employeeid", "usagelocation", "state", "officelocation");
    private static final Set<String> PLAN_PROPERTIES = Set.of("serviceplanid", "capabilitystatus", "service");

    private interface Node {
        boolean eval(Map<String, JsonNode> vars);
    }

    private final Node root;

    private MembershipRule(Node root) {
        this.root = root;
    }

    /** Parses a rule; a syntax error or unsupported attribute is a 400 as when Entra validates a group. */
    static MembershipRule parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw invalid("the rule is empty");
        }
        if (rule.length() > MAX_LENGTH) {
            throw invalid("the rule is longer than " + MAX_LENGTH + " characters");
        }
        Parser p = new Parser(tokenize(rule));
        Node n = p.or();
        if (!p.done()) {
            throw invalid("unexpected '" + p.peek() + "'");
        }
        return new MembershipRule(n);
    }

    boolean matches(JsonNode user) {
        Map<String, JsonNode> vars = new HashMap<>();
        vars.put("user", user);
        return root.eval(vars);
    }

    private static GraphError invalid(String detail) {
        return new GraphError(400, "Request_BadRequest", "Invalid value specified for property 'membershipRule' of "
                + "resource 'Group'. Query compilation error: " + detail + ".");
    }

    private record Token(String kind, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()[],".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), String.valueOf(c)));
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw invalid("unterminated string");
                }
                i++;
                out.add(new Token("str", b.toString()));
            } else if (c == '-' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                out.add(new Token("op", s.substring(i, j).toLowerCase(Locale.ROOT)));
                i = j;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "._".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(new Token("id", s.substring(i, j)));
                i = j;
            } else {
                throw invalid("unexpected character '" + c + "'");
            }
        }
        return out;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;
        private String lambdaVar;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return pos >= tokens.size();
        }

        Token peek() {
            return done() ? new Token("eof", "end of rule") : tokens.get(pos);
        }

        Token next(String kind) {
            Token t = peek();
            if (!t.kind().equals(kind)) {
                throw invalid("expected " + kind + " but found '" + t + "'");
            }
            pos++;
            return t;
        }

        boolean accept(String kind, String text) {
            Token t = peek();
            if (t.kind().equals(kind) && (text == null || t.text().equalsIgnoreCase(text))) {
                pos++;
                return true;
            }
            return false;
        }

        Node or() {
            Node left = and();
            while (accept("op", "-or")) {
                Node l = left;
                Node r = and();
                left = v -> l.eval(v) || r.eval(v);
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (accept("op", "-and")) {
                Node l = left;
                Node r = unary();
                left = v -> l.eval(v) && r.eval(v);
            }
            return left;
        }

        Node unary() {
            if (accept("op", "-not")) {
                Node n = unary();
                return v -> !n.eval(v);
            }
            if (accept("(", null)) {
                Node n = or();
                next(")");
                return n;
            }
            return comparison();
        }

        Node comparison() {
            String prop = next("id").text();
            String[] parts = prop.split("\\.");
            if (parts.length != 2) {
                throw invalid("unsupported attribute '" + prop + "'");
            }
            String var = parts[0];
            String attr = parts[1].toLowerCase(Locale.ROOT);
            boolean isUser = var.equalsIgnoreCase("user");
            if (isUser ? !USER_PROPERTIES.contains(attr)
                    : !(var.equals(lambdaVar) && PLAN_PROPERTIES.contains(attr))) {
                throw invalid("Attribute not supported: '" + prop + "'");
            }
            String op = next("op").text();
            if (op.equals("-any") || op.equals("-all")) {
                if (!attr.equals("assignedplans")) {
                    throw invalid("Operator isn't supported on attribute '" + prop + "'");
                }
                next("(");
                String outer = lambdaVar;
                lambdaVar = "assignedPlan";
                Node inner = or();
                lambdaVar = outer;
                next(")");
                boolean any = op.equals("-any");
                return v -> {
                    JsonNode arr = value(v, var, attr);
                    if (arr == null || !arr.isArray()) {
                        return !any;
                    }
                    for (JsonNode item : arr) {
                        Map<String, JsonNode> scope = new HashMap<>(v);
                        scope.put("assignedPlan", item);
                        if (inner.eval(scope) == any) {
                            return any;
                        }
                    }
                    return !any;
                };
            }
            if (attr.equals("assignedplans")) {
                throw invalid("Operator isn't supported on attribute '" + prop + "'");
            }
            if (op.equals("-in") || op.equals("-notin")) {
                next("[");
                List<String> values = new ArrayList<>();
                do {
                    values.add(next("str").text());
                } while (accept(",", null));
                next("]");
                boolean in = op.equals("-in");
                return v -> {
                    String actual = text(value(v, var, attr));
                    return (actual != null && values.stream().anyMatch(actual::equalsIgnoreCase)) == in;
                };
            }
            Token lit = peek();
            String expected;
            if (lit.kind().equals("str")) {
                expected = next("str").text();
            } else if (lit.kind().equals("id") && Set.of("true", "false", "null").contains(lit.text().toLowerCase(Locale.ROOT))) {
                expected = next("id").text().toLowerCase(Locale.ROOT);
                expected = expected.equals("null") ? null : expected;
            } else {
                throw invalid("expected a value after " + op + " but found '" + lit + "'");
            }
            return compare(var, attr, op, expected);
        }

        private Node compare(String var, String attr, String op, String expected) {
            switch (op) {
                case "-eq", "-ne" -> {
                    boolean eq = op.equals("-eq");
                    return v -> {
                        String actual = text(value(v, var, attr));
                        boolean same = expected == null ? actual == null : expected.equalsIgnoreCase(actual);
                        return same == eq;
                    };
                }
                case "-match", "-notmatch" -> {
                    Pattern p;
                    try {
                        p = Pattern.compile(expected == null ? "" : expected, Pattern.CASE_INSENSITIVE);
                    } catch (PatternSyntaxException e) {
                        throw invalid("invalid regular expression '" + expected + "'");
                    }
                    boolean match = op.equals("-match");
                    // -match on a missing value is false (so -not(-match) is true); -notMatch mirrors it
                    return v -> {
                        String actual = text(value(v, var, attr));
                        return actual == null ? !match : p.matcher(actual).find() == match;
                    };
                }
                case "-contains", "-notcontains", "-startswith", "-notstartswith" -> {
                    boolean negate = op.startsWith("-not");
                    boolean contains = op.endsWith("contains");
                    String e = expected == null ? "" : expected.toLowerCase(Locale.ROOT);
                    return v -> {
                        String actual = text(value(v, var, attr));
                        boolean hit = actual != null && (contains ? actual.toLowerCase(Locale.ROOT).contains(e)
                                : actual.toLowerCase(Locale.ROOT).startsWith(e));
                        return hit != negate;
                    };
                }
                default -> throw invalid("Operator '" + op + "' isn't supported");
            }
        }

        private static JsonNode value(Map<String, JsonNode> vars, String var, String attr) {
            JsonNode target = vars.get(var.equalsIgnoreCase("user") ? "user" : var);
            if (target == null) {
                return null;
            }
            var it = target.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (f.equalsIgnoreCase(attr) || (attr.equals("objectid") && f.equals("id"))) {
                    return target.get(f);
                }
            }
            return null;
        }

        private static String text(JsonNode n) {
            return n == null || n.isNull() ? null : n.asText();
        }
    }
}
