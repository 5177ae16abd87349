package dev.scimpilot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.clients.SamlCertificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SAML signing certificate finding on a fixed clock: pass above 60 days, warning from 60, red once expired. */
class SamlCertificateFindingTests {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void thresholds() {
        assertThat(HealthCheck.saml(cert("AA11", 61), null, CLOCK).status()).isEqualTo("pass");
        Finding sixty = HealthCheck.saml(cert("AA11", 60), null, CLOCK);
        assertThat(sixty.status()).isEqualTo("warn");
        assertThat(sixty.detail()).startsWith("60 days left (expires 2027-01-27)");
        assertThat(sixty.cause()).contains("SAML Certificates").contains("Make certificate active")
                .contains("Import metadata from URL");
        assertThat(sixty.action()).isEmpty(); // no button: the replacement is done in Entra and NinjaOne
        assertThat(HealthCheck.saml(cert("AA11", 0), null, CLOCK).status()).isEqualTo("warn");
        Finding expired = HealthCheck.saml(cert("AA11", -1), null, CLOCK);
        assertThat(expired.status()).isEqualTo("fail");
        assertThat(expired.detail()).contains("expired on 2026-11-27 (1 day ago)");
    }

    @Test
    void whatTheAppReallyUsesWins() {
        Finding replaced = HealthCheck.saml(cert("AA1122", 10), Optional.of(cert("BB3344", 700)), CLOCK);
        assertThat(replaced.status()).isEqualTo("pass");
        assertThat(replaced.detail()).contains("replaced by hand in Entra (recorded AA1122, the app now signs with BB3344")
                .contains("700 days left");
        Finding gone = HealthCheck.saml(cert("AA1122", 400), Optional.empty(), CLOCK);
        assertThat(gone.status()).isEqualTo("warn");
        assertThat(gone.detail()).contains("no preferred token-signing certificate any more");
        assertThat(HealthCheck.saml(cert("aa1122", 400), Optional.of(cert("AA1122", 400)), CLOCK).detail())
                .doesNotContain("replaced"); // thumbprints compare regardless of case
    }

    private static SamlCertificate cert(String thumbprint, int daysLeft) {
        return new SamlCertificate(thumbprint, NOW.plus(daysLeft, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
    }
}
