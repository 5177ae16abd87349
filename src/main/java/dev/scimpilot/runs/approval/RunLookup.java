package dev.scimpilot.runs.approval;

/** The message for a run id that matches nothing. */
final class RunLookup {

    private RunLookup() {}

    static String notFound(String typed) {
        return typed == null || typed.isBlank()
                ? "Which run? Give its id as shown on the run's card or in `runs`, e.g. `retry run 7f3a2c91`."
                : "I cannot find a run `" + typed.strip() + "` (use the 8-character id from `runs`).";
    }
}
