package dev.scimpilot.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code cards/health-report.json}: SCIM provisioning health of one client. Emits {@code token.rotate}
 * when the token is expired or close to it, and {@code onboard.repair} when a step has drifted from the
 * runbook's end state; both carry the client id only.
 */
public record HealthReportCard(
        String clientId,
        String clientName,
        Instant checkedAt,
        String overall,
        LocalDate tokenExpiresOn,
        int tokenDaysLeft,
        boolean canRotate,
        boolean canRepair,
        List<Check> checks) {

    /** One check; {@code status} is {@code pass}, {@code warn} or {@code fail}. */
    public record Check(String name, String status, String detail) {}
}
