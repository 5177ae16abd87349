package dev.scimpilot.onboarding;

import static dev.scimpilot.onboarding.CompanyNames.Match.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyNamesTests {

    private final CompanyNames names = new CompanyNames("Alpenblick Sanitär + Heizung AG", List.of());

    @Test
    void exactIsExactVariantsAreCaseAmpersandSpacingAndMissingSuffix() {
        assertThat(names.classify("Alpenblick Sanitär + Heizung AG")).isEqualTo(EXACT);
        assertThat(names.classify("alpenblick sanitär + heizung ag")).isEqualTo(VARIANT);
        assertThat(names.classify("Alpenblick Sanitär & Heizung AG")).isEqualTo(VARIANT);
        assertThat(names.classify("Alpenblick Sanitär + Heizung")).isEqualTo(VARIANT);
        assertThat(names.classify("Alpenblick  Sanitär+Heizung AG ")).isEqualTo(VARIANT);
        assertThat(names.classify("")).isEqualTo(EMPTY);
        assertThat(names.classify(null)).isEqualTo(EMPTY);
        assertThat(names.classify("Partner Ingenieure GmbH")).isEqualTo(OTHER);
    }

    @Test
    void extraCompanyNamesAreExactKeysToo() {
        var withExtra = new CompanyNames("Alpenblick Sanitär + Heizung AG", List.of("Alpenblick Sanitär & Heizung AG"));
        assertThat(withExtra.classify("Alpenblick Sanitär & Heizung AG")).isEqualTo(EXACT);
    }
}
