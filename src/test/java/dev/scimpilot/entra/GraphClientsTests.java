package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.BRENNWALD_TENANT_ID;
import static dev.scimpilot.sandbox.DemoData.RHEINTAL_TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimpilot.sandbox.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One cached Graph client per tenant, each acting in its own tenant. */
class GraphClientsTests {

    @Test
    void eachTenantGetsItsOwnCachedClientActingInThatTenant() {
        try (Sandbox sb = Sandbox.start(0)) {
            GraphClients clients = SandboxTestSupport.graphClients(sb);
            assertThat(clients.forTenant(BRENNWALD_TENANT_ID)).isSameAs(clients.forTenant(BRENNWALD_TENANT_ID.toUpperCase()));
            assertThat(clients.forTenant(RHEINTAL_TENANT_ID).organization().get().getValue().get(0).getId())
                    .isEqualTo(RHEINTAL_TENANT_ID);
        }
    }

    @Test
    void aTenantIdMustBeAGuidAndClientSecretAuthNeedsItsSettings() {
        GraphClients clients = new GraphClients(new GraphProperties(null, GraphAuth.CLIENT_SECRET, "", "", null, null, null),
                new EntraProperties(null, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> clients.forTenant("brennwald-heilig.ch")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clients.forTenant(BRENNWALD_TENANT_ID)).hasMessageContaining("scimpilot.graph.client-id");
    }
}
