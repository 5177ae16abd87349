package dev.scimpilot.testing;

import dev.scimpilot.sandbox.Sandbox;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One sandbox (simulated Graph, NinjaOne and SCIM) for the integration tests of this JVM, and the
 * properties that point SCIM Pilot at it exactly as local mode does.
 */
public final class SandboxApp {

    private static Sandbox sandbox;

    private SandboxApp() {}

    public static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            sandbox = Sandbox.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return sandbox;
    }

    public static void register(DynamicPropertyRegistry registry) {
        sandbox().scimPilotProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("scimpilot.scim.allowed-hosts", () -> "127.0.0.1");
        registry.add("scimpilot.scim.allow-loopback", () -> "true");
    }
}
