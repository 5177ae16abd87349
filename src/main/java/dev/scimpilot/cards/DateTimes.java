package dev.scimpilot.cards;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code formatDateTime} as Adaptive Expressions does it: the C# format is translated to a Day.js format by the
 * same state machine, then Day.js tokens are written in UTC with English names. Only ISO 8601 input is accepted
 * (what the records send); the official engine's looser {@code new Date(text)} parsing is not reproduced.
 */
final class DateTimes {

    static final String DEFAULT_DAYJS_FORMAT = "YYYY-MM-DDTHH:mm:ss.SSS[Z]";

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DAYJS_TOKEN = Pattern.compile(
            "\\[([^\\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS");

    private DateTimes() {}

    static String format(String timestamp, String csharpFormat) {
        LocalDateTime utc = parseUtc(timestamp);
        String dayjs = csharpFormat == null || csharpFormat.isEmpty()
                ? DEFAULT_DAYJS_FORMAT : CSharpFormat.toDayjs(csharpFormat);
        return formatDayjs(utc, dayjs);
    }

    static LocalDateTime parseUtc(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            throw new EvalError(text + " is not a valid datetime string.");
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(fraction) * 1_000_000);
            ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            Instant instant = local.toInstant(offset);
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new EvalError(text + " is not a valid datetime string.");
        }
    }

    /** Day.js {@code format} in UTC with the English locale. */
    static String formatDayjs(LocalDateTime t, String format) {
        Matcher m = DAYJS_TOKEN.matcher(format);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(format, last, m.start());
            sb.append(m.group(1) != null ? m.group(1) : token(t, m.group()));
            last = m.end();
        }
        return sb.append(format.substring(last)).toString();
    }

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
