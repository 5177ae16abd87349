package dev.scimpilot.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphAuth;
import dev.scimpilot.entra.GraphProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminConsentTests {

    static AdminConsent consent(String authority, String clientId) {
        return new AdminConsent(new EntraProperties(authority, Duration.ofSeconds(5)),
                new GraphProperties(null, GraphAuth.CLIENT_SECRET, clientId, "s", null, null, null));
    }

    @Test
    void linkIsTheTenantsAdminConsentEndpointOnTheConfiguredAuthority() {
        assertThat(consent("https://login.microsoftonline.us/", "app-1").url("t-1"))
                .isEqualTo("https://login.microsoftonline.us/t-1/adminconsent?client_id=app-1");
        assertThat(consent(null, "app-1").url("t-1")).startsWith("https://login.microsoftonline.com/t-1/adminconsent");
    }

    @Test
    void noClientIdNoLink() {
        assertThat(consent(null, " ").configured()).isFalse();
        assertThatThrownBy(() -> consent(null, "").url("t")).hasMessageContaining("scimpilot.graph.client-id");
        assertThat(consent(null, "").hintFor(new RuntimeException("AADSTS700016"), "t")).isEmpty();
    }

    @Test
    void recognisesMissingConsentAnywhereInTheCauseChain() {
        var missing = new IllegalStateException("token failed", new RuntimeException(
                "AADSTS700016: Application with identifier 'x' was not found in the directory 'Brennwald'"));
        assertThat(AdminConsent.isMissingConsent(missing)).isTrue();
        assertThat(AdminConsent.isMissingConsent(new RuntimeException("Authorization_RequestDenied: Insufficient privileges"))).isTrue();
        assertThat(AdminConsent.isMissingConsent(new RuntimeException("HTTP 500"))).isFalse();
        assertThat(consent(null, "app-1").hintFor(missing, "t-1").orElseThrow())
                .contains("(https://login.microsoftonline.com/t-1/adminconsent?client_id=app-1)");
        assertThat(consent(null, "app-1").hintFor(new RuntimeException("timeout"), "t-1")).isEmpty();
    }
}
