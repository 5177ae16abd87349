package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchExpressionTests {

    @Test
    void runbookFormWithFallbackAll() {
        assertThat(SwitchExpression.of("All", "Brennwald + Heilig AG", List.of(), 12))
                .isEqualTo("Switch([companyName], \"All\", \"Brennwald + Heilig AG\", \"12\")");
    }

    @Test
    void variantsBecomeExtraKeysForTheSameOrganizationAndEmptyFallbackSkips() {
        assertThat(SwitchExpression.of("", "Alpenblick Sanitär + Heizung AG",
                List.of("Alpenblick Sanitär & Heizung AG", "Alpenblick Sanitär + Heizung AG", " ", "alpenblick"), 17))
                .isEqualTo("Switch([companyName], \"\", \"Alpenblick Sanitär + Heizung AG\", \"17\", "
                        + "\"Alpenblick Sanitär & Heizung AG\", \"17\", \"alpenblick\", \"17\")");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(SwitchExpression.of(null, "Müller \"Bau\" AG", List.of("A\\B"), 3))
                .isEqualTo("Switch([companyName], \"\", \"Müller \\\"Bau\\\" AG\", \"3\", \"A\\\\B\", \"3\")");
    }
}
