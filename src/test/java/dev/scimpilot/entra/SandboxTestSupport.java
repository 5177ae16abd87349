package dev.scimpilot.entra;

import dev.scimpilot.sandbox.Sandbox;
import java.time.Duration;

/** Builds the production Graph clients against a running sandbox (local auth, loopback base URL). */
final class SandboxTestSupport {

    private SandboxTestSupport() {
    }

    static GraphClients graphClients(Sandbox sb) {
        return new GraphClients(new GraphProperties(sb.graphBaseUrl(), GraphAuth.LOCAL, "scim-pilot-test", null, null,
                null, Duration.ofSeconds(20)), entra(sb));
    }

    static EntraProperties entra(Sandbox sb) {
        return new EntraProperties(sb.authorityHost(), Duration.ofSeconds(5));
    }
}
