package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MembershipRuleTests {

    static final String RUNBOOK_RULE = "(user.assignedPlans -any (assignedPlan.servicePlanId -eq "
            + "\"9aaf7827-d63c-4b61-89c3-182f06f82e5c\" -and assignedPlan.capabilityStatus -eq \"Enabled\")) -and "
            + "(user.accountEnabled -eq true) -and (user.userType -eq \"Member\") -and -not (user.mail -match "
            + "\"backup|monitor|noreply|service|info\")";

    @Test
    void defaultPatternGivesExactlyTheRunbookRule() {
        assertThat(MembershipRule.of(OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "")).isEqualTo(RUNBOOK_RULE);
        assertThat(MembershipRule.of(OnboardingParameters.DEFAULT_MAIL_EXCLUSION, null)).isEqualTo(RUNBOOK_RULE);
    }

    @Test
    void upnExclusionAppendsTheRunbooksOptionalClause() {
        assertThat(MembershipRule.of(OnboardingParameters.DEFAULT_MAIL_EXCLUSION, " backup|monitor|svc- "))
                .isEqualTo(RUNBOOK_RULE + " -and -not (user.userPrincipalName -match \"backup|monitor|svc-\")");
    }

    @Test
    void patternsThatWouldBreakTheRuleAreRefused() {
        assertThatThrownBy(() -> MembershipRule.of("a\"b", "")).hasMessageContaining("must not contain");
        assertThatThrownBy(() -> MembershipRule.of("(unclosed", "")).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> MembershipRule.of(" ", "")).hasMessageContaining("empty");
    }
}
