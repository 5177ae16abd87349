package dev.scimpilot.onboarding;

/**
 * Input rules for onboarding. Exclusion patterns are plain words joined by {@code |} (what the runbook
 * uses): no regex constructs, so no catastrophic backtracking, in the bot or in Entra's rule engine.
 */
final class Validation {

    static final String DOMAIN = "^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$";
    static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String GROUP_NAME = "^[^@\"\\\\/\\[\\]:|<>+=;,?*]+$";
    static final String PATTERN_WORDS = "[A-Za-z0-9._@-]+(\\|[A-Za-z0-9._@-]+)*";

    private Validation() {}
}
