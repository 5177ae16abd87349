package dev.scimpilot.entra;

import dev.scimpilot.sandbox.Sandbox;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builds the production Graph clients from the properties the sandbox hands out, bound as Spring binds them. */
final class SandboxTestSupport {

    private SandboxTestSupport() {
    }

    static GraphClients graphClients(Sandbox sb) {
        return new GraphClients(bind(sb, "scimpilot.graph", GraphProperties.class), entra(sb));
    }

    static EntraProperties entra(Sandbox sb) {
        return bind(sb, "scimpilot.entra", EntraProperties.class);
    }

    private static <T> T bind(Sandbox sb, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(sb.scimPilotProperties())).bind(prefix, type).get();
    }
}
