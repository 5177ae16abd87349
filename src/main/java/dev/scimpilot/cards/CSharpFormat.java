package dev.scimpilot.cards;

import java.util.Map;

/**
 * Adaptive Expressions' {@code convertCSharpDateTimeToDayjs}: the same runs of format letters, the same quoting
 * rules and the same fallback (a format it cannot translate is handed to Day.js unchanged).
 */
final class CSharpFormat {

    /** Letter → the Day.js token for a run of 1, 2, 3, 4 of it (a longer run keeps the last); null = unsupported. */
    private static final Map<Character, String[]> RUNS = Map.of(
            'd', new String[] {"D", "DD", "ddd", "dddd"},
            'f', new String[] {null, null, "SSS"},
            'F', new String[] {null, null, "SSS"},
            'g', new String[] {null},
            'h', new String[] {"h", "hh"},
            'H', new String[] {"H", "HH"},
            'm', new String[] {"m", "mm"},
            'M', new String[] {"M", "MM", "MMM", "MMMM"},
            's', new String[] {"s", "ss"},
            't', new String[] {"A", "A"});

    private CSharpFormat() {}

    static String toDayjs(String format) {
        try {
            return convert(format);
        } catch (IllegalArgumentException unsupported) {
            return format; // timestampFormatter swallows the converter's error and uses the text as is
        }
    }

    private static String convert(String format) {
        if (format.length() == 1) {
            switch (format) {
                case "R", "r", "U", "u" -> throw new IllegalArgumentException(format);
                case "O", "o" -> format = "YYYY-MM-DDTHH:mm:ss.SSS0000Z";
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == 'y' || c == 'z' || RUNS.containsKey(c)) {
                int run = 1;
                while (i + run < n && format.charAt(i + run) == c) {
                    run++;
                }
                out.append(runToken(c, run));
                i += run;
            } else if (c == '\'' || c == '`') {
                int close = format.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("Invalid Format String");
                }
                out.append(format, i + 1, close);
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("Invalid Format String");
                }
                out.append(format.charAt(i + 1));
                i += 2;
            } else {
                if (c == 'K') {
                    out.append('Z');
                } else if (c != '%') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static String runToken(char c, int run) {
        if (c == 'y') {
            return run <= 2 ? "YY" : "YYYY";
        }
        if (c == 'z') {
            return run <= 2 ? "ZZ" : "Z";
        }
        String[] tokens = RUNS.get(c);
        String token = tokens[Math.min(run, tokens.length) - 1];
        if (token == null) {
            throw new IllegalArgumentException(c + " not supported in Day.js");
        }
        return token;
    }
}
