package dev.scimpilot.cards;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code formatDateTime} as Adaptive Expressions does it: the C# format is translated to a Day.js format by the
 * same state machine, then Day.js tokens are written in UTC with English names. Only ISO 8601 input is accepted
 * (what the records send); the official engine's looser {@code new Date(text)} parsing is not reproduced.
 */
final class DateTimes {

    static final String DEFAULT_DAYJS_FORMAT = "YYYY-MM-DDTHH:mm:ss.SSS[Z]";

    private static final Pattern DAYJS_TOKEN = Pattern.compile(
            "\\[([^\\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS");

    private DateTimes() {}

    /** Format text → its Day.js tokens (String literals, Token); card formats are few, so this stays small. */
    private static final Map<String, List<Object>> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 256;

    static String format(String timestamp, String csharpFormat) {
        LocalDateTime utc = parseUtc(timestamp);
        String key = csharpFormat == null ? "" : csharpFormat;
        List<Object> compiled = COMPILED.get(key);
        if (compiled == null) {
            compiled = compile(key.isEmpty() ? DEFAULT_DAYJS_FORMAT : CSharpFormat.toDayjs(key));
            if (COMPILED.size() < MAX_COMPILED) {
                COMPILED.put(key, compiled);
            }
        }
        StringBuilder sb = new StringBuilder(32);
        for (Object part : compiled) {
            sb.append(part instanceof Token t ? token(utc, t.text()) : (String) part);
        }
        return sb.toString();
    }

    private record Token(String text) {}

    private static List<Object> compile(String dayjsFormat) {
        List<Object> parts = new ArrayList<>();
        Matcher m = DAYJS_TOKEN.matcher(dayjsFormat);
        int last = 0;
        while (m.find()) {
            parts.add(dayjsFormat.substring(last, m.start()));
            parts.add(m.group(1) != null ? m.group(1) : new Token(m.group()));
            last = m.end();
        }
        parts.add(dayjsFormat.substring(last));
        return List.copyOf(parts);
    }

    static LocalDateTime parseUtc(String text) {
        try {
            return new IsoReader(text).read();
        } catch (RuntimeException e) {
            throw new EvalError(text + " is not a valid datetime string.");
        }
    }

    /** Reads {@code yyyy-MM-dd[THH:mm[:ss[.fff…]]][Z|±HH:mm]} and converts it to UTC. */
    private static final class IsoReader {
        private final String s;
        private int i;

        IsoReader(String s) {
            this.s = s;
        }

        LocalDateTime read() {
            int year = digits(4);
            expect('-');
            int month = digits(2);
            expect('-');
            int day = digits(2);
            int hour = 0;
            int minute = 0;
            int second = 0;
            int millis = 0;
            if (i < s.length() && s.charAt(i) == 'T') {
                i++;
                hour = digits(2);
                expect(':');
                minute = digits(2);
                if (i < s.length() && s.charAt(i) == ':') {
                    i++;
                    second = digits(2);
                    if (i < s.length() && s.charAt(i) == '.') {
                        i++;
                        int start = i;
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                        String fraction = (s.substring(start, i) + "00").substring(0, 3);
                        if (i == start) {
                            throw new IllegalArgumentException("fraction");
                        }
                        millis = Integer.parseInt(fraction); // JS keeps milliseconds and drops the rest
                    }
                }
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (i < s.length() && s.charAt(i) == 'Z') {
                i++;
            } else if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                offset = ZoneOffset.of(s.substring(i, i + 6));
                i += 6;
            }
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing text");
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
            return offset == ZoneOffset.UTC ? local : LocalDateTime.ofInstant(local.toInstant(offset), ZoneOffset.UTC);
        }

        private int digits(int n) {
            int value = 0;
            for (int k = 0; k < n; k++) {
                char c = s.charAt(i++);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("digit expected");
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException(c + " expected");
            }
        }
    }

    /** One Day.js token in UTC with the English locale. */
    private static String token(LocalDateTime t, String token) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (token) {
            case "YY" -> pad(t.getYear(), 4).substring(2);
            case "YYYY" -> pad(t.getYear(), 4);
            case "M" -> Integer.toString(t.getMonthValue());
            case "MM" -> pad(t.getMonthValue(), 2);
            case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "D" -> Integer.toString(t.getDayOfMonth());
            case "DD" -> pad(t.getDayOfMonth(), 2);
            case "d" -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case "dd" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).substring(0, 2);
            case "ddd" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "dddd" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "H" -> Integer.toString(t.getHour());
            case "HH" -> pad(t.getHour(), 2);
            case "h" -> Integer.toString(hour12);
            case "hh" -> pad(hour12, 2);
            case "a" -> t.getHour() < 12 ? "am" : "pm";
            case "A" -> t.getHour() < 12 ? "AM" : "PM";
            case "m" -> Integer.toString(t.getMinute());
            case "mm" -> pad(t.getMinute(), 2);
            case "s" -> Integer.toString(t.getSecond());
            case "ss" -> pad(t.getSecond(), 2);
            case "SSS" -> pad(t.getNano() / 1_000_000, 3);
            case "Z" -> "+00:00";
            case "ZZ" -> "+0000";
            default -> token;
        };
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
