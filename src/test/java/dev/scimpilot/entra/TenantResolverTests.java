package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimpilot.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain → tenant id through OpenID discovery on the sandbox's authority host. */
class TenantResolverTests {

    private Sandbox sb;
    private TenantResolver resolver;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
        resolver = new TenantResolver(SandboxTestSupport.entra(sb));
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void findsTheTenantOfAnEmailAddressOrDomainAndCachesIt() {
        assertThat(resolver.tenantIdOf("Anna.Meier@Brennwald-Heilig.ch")).isEqualTo(BRENNWALD_TENANT_ID);
        assertThat(resolver.tenantIdOf(BRENNWALD_DOMAIN)).isEqualTo(BRENNWALD_TENANT_ID);
        assertThat(resolver.tenantIdOf("rheintallogistik.onmicrosoft.com")).isEqualTo(RHEINTAL_TENANT_ID);
        assertThat(sb.requests()).filteredOn(r -> r.path().contains("openid-configuration")).hasSize(2);
    }

    @Test
    void anUnknownDomainGivesAClearError() {
        assertThatThrownBy(() -> resolver.tenantIdOf("no-such-client.ch")).isInstanceOf(TenantResolutionException.class)
                .hasMessageContaining("No Microsoft Entra tenant uses the domain 'no-such-client.ch'")
                .hasMessageContaining("AADSTS90002");
    }

    @Test
    void somethingThatIsNotADomainIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> resolver.tenantIdOf("../../etc/passwd")).isInstanceOf(TenantResolutionException.class);
        assertThat(sb.requests()).isEmpty();
    }
}
