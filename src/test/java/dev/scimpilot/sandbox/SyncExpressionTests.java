package dev.scimpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runbook's two mapping expressions: parse tree shape and evaluation. */
class SyncExpressionTests {

    private static final String SWITCH = "Switch([companyName], \"All\", \"Brennwald + Heilig AG\", \"12\", \"Rheintal Logistik AG\", \"21\")";

    @Test
    void singleAppRoleAssignmentParsesToTheTreeOfARealExportedSchema() {
        ObjectNode tree = SyncExpression.parse("SingleAppRoleAssignment([appRoleAssignments])");
        assertThat(tree.path("type").asText()).isEqualTo("Function");
        assertThat(tree.path("name").asText()).isEqualTo("SingleAppRoleAssignment");
        JsonNode p = tree.path("parameters").get(0);
        assertThat(p.path("key").asText()).isEqualTo("source");
        assertThat(p.path("value").path("type").asText()).isEqualTo("Attribute");
        assertThat(p.path("value").path("expression").asText()).isEqualTo("[appRoleAssignments]");
        assertThat(SyncExpression.evaluate(tree, Map.of("appRoleAssignments", Json.MAPPER.valueToTree(List.of("endUser")))))
                .isEqualTo("endUser");
    }

    @Test
    void switchMatchesExactlyAndFallsBackOtherwise() {
        ObjectNode tree = SyncExpression.parse(SWITCH);
        assertThat(tree.path("parameters")).hasSize(6);
        assertThat(eval(tree, "Brennwald + Heilig AG")).isEqualTo("12");
        assertThat(eval(tree, "Rheintal Logistik AG")).isEqualTo("21");
        assertThat(eval(tree, "brennwald + heilig ag")).isEqualTo("All");
        assertThat(eval(tree, "Brennwald & Heilig AG")).isEqualTo("All");
        assertThat(eval(tree, null)).isEqualTo("All");
        assertThat(eval(SyncExpression.parse("Switch([companyName], \"\", \"X\", \"1\")"), "Y")).isEmpty();
    }

    @Test
    void malformedExpressionsAreReported() {
        assertThatThrownBy(() -> SyncExpression.parse("Switch([companyName], \"All\")")).hasMessageContaining("arguments");
        assertThatThrownBy(() -> SyncExpression.parse("Frobnicate([x])")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> SyncExpression.parse("[companyName")).hasMessageContaining("]");
    }

    private static String eval(JsonNode tree, String company) {
        return SyncExpression.evaluate(tree, company == null ? Map.of() : Map.of("companyName", Json.MAPPER.valueToTree(company)));
    }
}
