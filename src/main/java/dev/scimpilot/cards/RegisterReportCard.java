package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/register-report.json}: what {@code register client} found in the tenant against the runbook's
 * end state, before the technician confirms. Emits {@code register.confirm} and {@code register.cancel} with the form id.
 */
public record RegisterReportCard(
        String draftId,
        String clientName,
        int passed,
        int warnings,
        int failed,
        List<Fact> facts,
        List<PreflightReportCard.Check> checks) {

    /** A label and value. */
    public record Fact(String title, String value) {}
}
