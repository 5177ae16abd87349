package dev.scimpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Dynamic membership rules as Entra documents them: case-insensitive, unanchored -match, null handling. */
class MembershipRuleTests {

    private static ObjectNode user(String mail, boolean enabled, String type) {
        ObjectNode u = Json.obj().put("mail", mail).put("accountEnabled", enabled).put("userType", type);
        u.putArray("assignedPlans").addObject().put("servicePlanId", DemoData.EXCHANGE_ONLINE_PLAN_1)
                .put("capabilityStatus", "Enabled");
        return u;
    }

    @Test
    void theRunbookRuleMatchesUnanchoredAndCaseInsensitively() {
        MembershipRule r = MembershipRule.parse(DemoData.RUNBOOK_GROUP_RULE);
        assertThat(r.matches(user("anna.meier@x.ch", true, "Member"))).isTrue();
        assertThat(r.matches(user("Information@x.ch", true, "Member"))).isFalse();
        assertThat(r.matches(user("kinfo@x.ch", true, "Member"))).isFalse();
        assertThat(r.matches(user("customerSERVICE@x.ch", true, "Member"))).isFalse();
        assertThat(r.matches(user("anna@x.ch", false, "Member"))).isFalse();
        assertThat(r.matches(user("anna@x.ch", true, "guest"))).isFalse();
        assertThat(r.matches(user(null, true, "Member"))).as("-match on a null mail is false").isTrue();
    }

    @Test
    void theAssignedPlansLambdaNeedsBothConditionsOnTheSamePlan() {
        MembershipRule r = MembershipRule.parse(DemoData.RUNBOOK_GROUP_RULE);
        ObjectNode suspended = user("anna@x.ch", true, "Member");
        ((ObjectNode) suspended.path("assignedPlans").get(0)).put("capabilityStatus", "Suspended");
        assertThat(r.matches(suspended)).isFalse();
    }

    @Test
    void otherOperatorsWork() {
        assertThat(MembershipRule.parse("user.department -in [\"Lager\",\"Zoll\"]").matches(Json.obj().put("department", "zoll")))
                .isTrue();
        assertThat(MembershipRule.parse("user.userPrincipalName -startsWith \"svc-\" -or user.mail -ne null")
                .matches(Json.obj().put("userPrincipalName", "SVC-backup@x.ch"))).isTrue();
    }

    @Test
    void syntaxErrorsAndUnsupportedAttributesAreRejected() {
        assertThatThrownBy(() -> MembershipRule.parse("(user.mail -eq \"x\"")).isInstanceOf(GraphError.class);
        assertThatThrownBy(() -> MembershipRule.parse("user.shoeSize -eq \"42\"")).hasMessageContaining("Attribute not supported");
        assertThatThrownBy(() -> MembershipRule.parse("user.mail -match \"[\"")).hasMessageContaining("regular expression");
    }
}
