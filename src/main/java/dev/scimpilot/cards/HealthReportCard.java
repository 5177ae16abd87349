package dev.scimpilot.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code cards/health-report.json}: SCIM provisioning health of one client; {@code overall} is
 * {@code healthy}, {@code warning}, {@code unhealthy} or {@code unreachable}. Emits {@code token.rotate}
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

    /**
     * One named finding; {@code status} is {@code pass}, {@code warn} or {@code fail}; {@code cause} is the runbook
     * troubleshooting table's likely cause ("" for none); {@code action} is {@code rotate}, {@code repair} or "" and
     * puts that button under the finding.
     */
    public record Check(String name, String status, String detail, String cause, String action) {}
}
