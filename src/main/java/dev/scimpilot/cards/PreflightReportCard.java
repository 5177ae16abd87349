package dev.scimpilot.cards;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code cards/preflight-report.json}: what the bot found in the client tenant before planning
 * (licences, companyName values, existing group/app, NinjaOne org). Emits no verbs; the plan card follows.
 */
public record PreflightReportCard(
        String clientName,
        String tenantId,
        Instant checkedAt,
        int passed,
        int warnings,
        int failed,
        boolean canProceed,
        List<Check> checks) {

    /** One check; {@code status} is {@code pass}, {@code warn} or {@code fail}. */
    public record Check(String name, String status, String detail) {}
}
