package dev.scimpilot.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a hand-made organizationId mapping back: fallback and the extra keys for the client's organization. */
class SwitchKeysTests {

    @Test
    void fallbackAndExtraKeysForTheOrganization() {
        SwitchKeys.Parsed p = SwitchKeys.parse("Switch([companyName], \"All\", \"Alpenblick AG\", \"17\", \"alpenblick ag\", \"17\", "
                + "\"Other \\\"Co\\\"\", \"99\")", "Alpenblick AG", 17);
        assertThat(p.fallback()).isEqualTo("All");
        assertThat(p.extraKeys()).containsExactly("alpenblick ag");
    }

    @Test
    void skipFallbackAndNoSwitchAtAll() {
        assertThat(SwitchKeys.parse("Switch([companyName], \"\", \"Rheintal Logistik AG\", \"21\")", "Rheintal Logistik AG", 21))
                .satisfies(p -> assertThat(p.fallback()).isEmpty()).satisfies(p -> assertThat(p.extraKeys()).isEmpty());
        assertThat(SwitchKeys.parse("\"21\"", "Rheintal Logistik AG", 21)).isNull();
        assertThat(SwitchKeys.parse(null, "Rheintal Logistik AG", 21)).isNull();
    }
}
