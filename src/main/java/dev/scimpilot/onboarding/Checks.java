package dev.scimpilot.onboarding;

import dev.scimpilot.cards.PreflightReportCard.Check;
import java.util.List;

/** Short check lines for the preflight report card: one line each, at most five names. */
final class Checks {

    static final String PASS = "pass";
    static final String WARN = "warn";
    static final String FAIL = "fail";
    private static final int MAX_NAMES = 5;

    private Checks() {}

    static Check pass(String name, String detail) {
        return new Check(name, PASS, detail);
    }

    static Check warn(String name, String detail) {
        return new Check(name, WARN, detail);
    }

    static Check fail(String name, String detail) {
        return new Check(name, FAIL, detail);
    }

    /** "a, b, c, d, e and 3 more". */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + " and " + (names.size() - MAX_NAMES) + " more";
    }

    /** The local part of an address with "@…", enough to recognise a mailbox in a one-line detail. */
    static String shortAddress(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        return at < 0 ? String.valueOf(address) : address.substring(0, at + 1) + "…";
    }
}
