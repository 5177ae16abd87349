package dev.scimpilot.cards;

import java.util.ArrayList;
import java.util.List;

/** Tokens of the Adaptive Expressions grammar (default lexer mode), with its string-escape rules. */
final class ExprLexer {

    enum Kind { NUMBER, STRING, IDENT, OP, END }

    record Token(Kind type, String text) {}

    private static final String[] OPERATORS = {
        "==", "!=", "<>", "<=", ">=", "&&", "||", "=>", "??",
        "+", "-", "!", "^", "*", "/", "%", "&", "<", ">", "(", ")", ".", "[", "]", "{", "}", ",", ":", "?"
    };

    private ExprLexer() {}

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        outer:
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\ufeff' || c == '\u00a0' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i + 1 < n && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
                    i++;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i)));
                continue;
            }
            if (isLetter(c) || c == '_' || c == '$') {
                int start = i++;
                while (i < n && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i)));
                continue;
            }
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' && j + 1 < n && (s.charAt(j + 1) == c || s.charAt(j + 1) == '\\') ? 2 : 1;
                }
                if (j >= n) {
                    throw new IllegalArgumentException("unterminated string");
                }
                out.add(new Token(Kind.STRING, unescape(s.substring(i + 1, j), c)));
                i = j + 1;
                continue;
            }
            for (String op : OPERATORS) {
                if (s.startsWith(op, i)) {
                    out.add(new Token(Kind.OP, op));
                    i += op.length();
                    continue outer;
                }
            }
            throw new IllegalArgumentException("unsupported character '" + c + "'");
        }
        out.add(new Token(Kind.END, "<end>"));
        return out;
    }

    /** visitStringAtom: un-escape the quote, then {@code \r \n \t \\}; any other backslash stays as written. */
    private static String unescape(String body, char quote) {
        String text = body.replace("\\" + quote, String.valueOf(quote));
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\r' && text.charAt(i + 1) != '\n') {
                char next = text.charAt(i + 1);
                switch (next) {
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    default -> sb.append(c).append(next);
                }
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
