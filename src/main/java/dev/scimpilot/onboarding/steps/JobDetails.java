package dev.scimpilot.onboarding.steps;

import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.onboarding.SwitchExpression;
import java.util.ArrayList;
import java.util.List;

/** What runbook step 6 will do, as plan details, and the organizationId expression it maps. */
final class JobDetails {

    private JobDetails() {}

    static String switchExpression(OnboardingParameters p) {
        return SwitchExpression.of(p.fallback(), p.clientName(), p.extraCompanyNames(), p.ninjaOrganizationId());
    }

    /** Deterministic (no ids, no times, never the token): the engine compares it with the approved plan. */
    static String of(OnboardingParameters p, boolean secrets, NinjaOneSchema.Gaps gaps) {
        List<String> lines = new ArrayList<>();
        if (gaps == NinjaOneSchema.EVERYTHING) {
            lines.add("job: new, from the synchronization template '" + SyncCalls.SCIM_TEMPLATE + "'");
        }
        if (secrets) {
            lines.add("credentials: BaseAddress " + p.scimUrl() + ", SecretToken from the vault (" + p.scimToken().name()
                    + "), SyncAll false; then test the connection with the saved credentials");
        }
        lines.addAll(gaps.lines(switchExpression(p)));
        return String.join("\n", lines);
    }
}
