package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleEvaluatorTests {

    private final RuleEvaluator rule = new RuleEvaluator(OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "svc-");

    static DirectoryUser user(String mail) {
        return new DirectoryUser("id-" + mail, mail, mail, "Brennwald + Heilig AG", true, "Member", true);
    }

    @Test
    void licensedEnabledMemberWithOrdinaryMailIsIncluded() {
        var v = rule.evaluate(user("anna.meier@brennwald-heilig.ch"));
        assertThat(v.included()).isTrue();
        assertThat(v.reason()).isNull();
    }

    @Test
    void matchIsUnanchoredAndCaseInsensitiveSoKinfoAndCustomerServiceAreExcluded() {
        assertThat(rule.evaluate(user("kinfo@brennwald-heilig.ch")).reason())
                .isEqualTo("mail matches 'info' (kinfo@brennwald-heilig.ch)");
        assertThat(rule.evaluate(user("CustomerService@brennwald-heilig.ch")).reason())
                .isEqualTo("mail matches 'Service' (CustomerService@brennwald-heilig.ch)");
        assertThat(rule.evaluate(user("kinfo@x.ch")).excludedByPattern()).isTrue();
    }

    @Test
    void nullMailIsNotMatchedSoTheUserStaysIn() {
        var u = new DirectoryUser("1", "marco@x.ch", null, "X", true, "Member", true);
        assertThat(rule.evaluate(u).included()).isTrue();
    }

    @Test
    void upnClauseExcludesByUserPrincipalName() {
        var u = new DirectoryUser("1", "svc-scan@x.ch", "scanner@x.ch", "X", true, "Member", true);
        assertThat(rule.evaluate(u).reason()).isEqualTo("UPN matches 'svc-' (svc-scan@x.ch)");
    }

    @Test
    void licenceAccountStateAndUserTypeAreCheckedFirst() {
        assertThat(rule.evaluate(new DirectoryUser("1", "a@x.ch", "a@x.ch", "X", true, "Member", false)).reason())
                .isEqualTo("no Exchange Online (Plan 1) enabled");
        assertThat(rule.evaluate(new DirectoryUser("1", "a@x.ch", "a@x.ch", "X", false, "Member", true)).reason())
                .isEqualTo("account disabled");
        assertThat(rule.evaluate(new DirectoryUser("1", "a@x.ch", "a@x.ch", "X", true, "Guest", true)).reason())
                .isEqualTo("userType Guest, not Member");
        assertThat(rule.evaluate(new DirectoryUser("1", "a@x.ch", "a@x.ch", "X", true, "member", true)).included()).isTrue();
    }
}
