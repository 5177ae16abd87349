package dev.scimpilot.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting and parsing that match the official engine's {@code string()} (d3-format) and {@code int()}. */
final class NumberText {

    private static final char MINUS = '\u2212'; // d3-format writes a real minus sign, not a hyphen

    private NumberText() {}

    /**
     * {@code string(number)}: d3-format {@code ",.<p>f"} where p is the number of decimals JS prints, so 1234.5
     * becomes "1,234.5" and -2 becomes "−2".
     */
    static String grouped(double d) {
        String js = Js.numberToString(d);
        int dot = js.indexOf('.');
        int precision = dot < 0 ? 0 : js.length() - dot - 1;
        BigDecimal fixed = new BigDecimal(Math.abs(d)).setScale(precision, RoundingMode.HALF_UP);
        String plain = fixed.toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(integer.charAt(i));
        }
        if (point >= 0) {
            sb.append(plain, point, plain.length());
        }
        boolean negative = d < 0 && fixed.signum() != 0;
        return negative ? MINUS + sb.toString() : sb.toString();
    }

    /** JS {@code parseInt(s, 10)}: optional whitespace and sign, then leading digits; null when there are none. */
    static Double parseInt(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return null;
        }
        double value = Double.parseDouble(s.substring(start, i));
        return negative ? -value : value;
    }
}
