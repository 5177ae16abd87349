package dev.scimpilot.cards;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code cards/run-result.json}: how a run ended and what is now recorded for the client. A failed run
 * offers {@code run.retry} (safe: every step checks before it changes anything).
 */
public record RunResultCard(
        String runId,
        String kind,
        String clientName,
        String outcome,
        String summary,
        Instant finishedAt,
        String duration,
        String approvedBy,
        int changed,
        int alreadyInPlace,
        int failed,
        String failureCause,
        List<Fact> facts) {

    /** A label and value for the result's fact list (e.g. the client registry entry). */
    public record Fact(String title, String value) {}
}
