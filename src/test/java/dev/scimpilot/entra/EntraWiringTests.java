package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.BRENNWALD_DOMAIN;
import static dev.scimpilot.sandbox.DemoData.BRENNWALD_ORG_ID;
import static dev.scimpilot.sandbox.DemoData.BRENNWALD_TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.ninjaone.NinjaOneRestClient;
import dev.scimpilot.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Entra and NinjaOne beans wired by Spring from properties, as at application startup. */
class EntraWiringTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GraphProperties.class, EntraProperties.class, NinjaOneProperties.class})
    @Import({GraphClients.class, TenantResolver.class, NinjaOneRestClient.class})
    static class Wiring {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void startupFailsWhenLocalAuthPointsAtMicrosoftGraph() {
        runner.withPropertyValues("scimpilot.graph.base-url=https://graph.microsoft.com/v1.0", "scimpilot.graph.auth=local")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("auth=local"));
    }

    @Test
    void theSandboxPropertiesGiveWorkingGraphTenantLookupAndNinjaOneBeans() {
        try (Sandbox sb = Sandbox.start(0)) {
            String[] props = sb.scimPilotProperties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            runner.withPropertyValues(props).run(ctx -> {
                assertThat(ctx).hasNotFailed();
                String tid = ctx.getBean(TenantResolver.class).tenantIdOf("anna.meier@" + BRENNWALD_DOMAIN);
                assertThat(tid).isEqualTo(BRENNWALD_TENANT_ID);
                assertThat(ctx.getBean(GraphClients.class).forTenant(tid).organization().get().getValue()).hasSize(1);
                assertThat(ctx.getBean(NinjaOne.class).organization(BRENNWALD_ORG_ID)).isPresent();
            });
        }
    }
}
