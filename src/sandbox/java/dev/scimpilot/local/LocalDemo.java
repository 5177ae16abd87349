package dev.scimpilot.local;

import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import java.time.Instant;
import java.util.List;

/**
 * Local mode's registry starts with the sandbox's Rheintal Logistik AG, the client the story says was onboarded
 * months ago (its token expires in ~5 days and its job is in quarantine): so reminders, the quarantine alert,
 * `check provisioning` and `rotate token` have something to show right after `alerts here`. Its token is not in the
 * (in-memory) vault, as after a restart of local mode; `rotate token` puts a new one there.
 */
public final class LocalDemo {

    private LocalDemo() {}

    /** Adds Rheintal unless it (or its domain) is in the registry already; returns whether it added it. */
    public static boolean seed(ClientRegistry registry, Sandbox sandbox) {
        if (registry.byName(DemoData.RHEINTAL_COMPANY).isPresent() || registry.byDomain(DemoData.RHEINTAL_DOMAIN).isPresent()) {
            return false;
        }
        var idp = sandbox.state().scimIdentityProvider(DemoData.RHEINTAL_ORG_ID).orElseThrow();
        Instant now = Instant.now();
        registry.save(new Client("local-demo-rheintal", DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_ORG_ID,
                DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID, List.of(), "All",
                "NinjaOne-EndUsers", DemoData.RHEINTAL_GROUP_ID, "NinjaOne SCIM", DemoData.RHEINTAL_APP_OBJECT_ID,
                DemoData.RHEINTAL_APP_ID, DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, idp.scimBaseUrl(), null, null,
                idp.tokenIssuedAt(), idp.tokenExpiresAt(), null, "Jonas Steiner (before SCIM Pilot)", idp.tokenIssuedAt(),
                null, now));
        return true;
    }
}
