package dev.scimpilot.onboarding;

import dev.scimpilot.cards.PreflightReportCard;
import java.util.List;

/**
 * What preflight found, read-only: the report card's data, whether the onboarding may be planned,
 * the companyName variants observed among users in scope (candidates for extra Switch keys), and how
 * many NinjaOne end users to expect (licensed − excluded − unmatched).
 */
public record PreflightResult(PreflightReportCard report, List<String> companyNameVariants, int expectedEndUsers,
        String canaryUserId) {

    public boolean canProceed() {
        return report.canProceed();
    }
}
