package dev.scimpilot.onboarding;

import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.cards.PreflightReportCard;
import dev.scimpilot.cards.PreflightReportCard.Check;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.entra.GraphProperties;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOneException;
import dev.scimpilot.ninjaone.NinjaOrganization;
import dev.scimpilot.onboarding.steps.ExistingSetup;
import dev.scimpilot.runs.Failures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Preflight of an onboarding (the runbook's prerequisites and troubleshooting table, checked before anything
 * changes): tenant access, Entra ID P1, who the rule includes, companyName against the Switch, service accounts,
 * the NinjaOne organization, and what an earlier onboarding left in place. Reads only.
 */
@Component
public class GraphPreflight implements Preflight {

    /** Not the common pool: on a two-core host it has a single thread, and these calls wait on the network. */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preflight");
        t.setDaemon(true);
        return t;
    });
    private final GraphClients graph;
    private final GraphProperties properties;
    private final NinjaOne ninja;
    private final Clock clock;

    public GraphPreflight(GraphClients graph, GraphProperties properties, NinjaOne ninja, Clock clock) {
        this.graph = graph;
        this.properties = properties;
        this.ninja = ninja;
        this.clock = clock;
    }

    @Override
    public PreflightResult check(OnboardingParameters p) {
        GraphServiceClient g = graph.forTenant(p.tenantId());
        // independent reads side by side: licences, users, and NinjaOne
        CompletableFuture<List<SubscribedSku>> skus = CompletableFuture.supplyAsync(() -> g.subscribedSkus().get().getValue(), POOL);
        CompletableFuture<List<DirectoryUser>> users = CompletableFuture.supplyAsync(() -> TenantUsers.licensed(g), POOL);
        CompletableFuture<Check> organization = CompletableFuture.supplyAsync(() -> organization(p), POOL);
        List<Check> checks = new ArrayList<>();
        try {
            skus.join();
        } catch (CompletionException e) {
            checks.add(access(p, e.getCause()));
            checks.add(organization.join());
            return result(p, checks, List.of(), 0, null);
        }
        checks.add(Checks.pass("Tenant access", "Graph answers for " + p.tenantId()));
        if (!Licences.hasEntraIdP1(skus.join())) {
            checks.add(Checks.fail("Entra ID P1", Licences.NO_P1_NOTE));
            checks.add(organization.join());
            return result(p, checks, List.of(), 0, null);
        }
        checks.add(Checks.pass("Entra ID P1", "licensed (service plan AAD_PREMIUM or P2)"));
        ScopePreview scope;
        try {
            scope = ScopePreview.of(users.join(), p);
        } catch (CompletionException e) {
            checks.add(Checks.fail("Licensed users", "Could not list the users: " + Failures.describe(e.getCause())));
            checks.add(organization.join());
            return result(p, checks, List.of(), 0, null);
        }
        checks.addAll(ScopeChecks.of(scope, p));
        checks.add(organization.join());
        checks.addAll(ExistingSetup.inspect(g, p));
        return result(p, checks, scope.variants(), scope.expectedEndUsers(),
                scope.canary() == null ? null : scope.canary().id());
    }

    /** 401/403: the multi-tenant app has no admin consent in this tenant (or lost it). */
    private Check access(OnboardingParameters p, Throwable e) {
        if (e instanceof ODataError o && (o.getResponseStatusCode() == 401 || o.getResponseStatusCode() == 403)) {
            String clientId = properties.clientId() == null || properties.clientId().isBlank() ? "<graph client id>"
                    : properties.clientId();
            return Checks.fail("Tenant access", "Graph refused access (HTTP " + o.getResponseStatusCode() + "): a Global "
                    + "Admin of the client must grant admin consent: https://login.microsoftonline.com/" + p.tenantId()
                    + "/adminconsent?client_id=" + clientId);
        }
        return Checks.fail("Tenant access", "Could not read the tenant: " + Failures.describe(e));
    }

    private Check organization(OnboardingParameters p) {
        try {
            NinjaOrganization org = ninja.organization(p.ninjaOrganizationId()).orElse(null);
            if (org == null) {
                return Checks.fail("NinjaOne organization", "No organization " + p.ninjaOrganizationId() + " in NinjaOne; "
                        + "copy the id from Administration > Organizations");
            }
            int endUsers = ninja.endUsers(p.ninjaOrganizationId()).size();
            return Checks.pass("NinjaOne organization", org.name() + " (" + org.id() + "): " + endUsers + " end users now");
        } catch (NinjaOneException e) {
            return Checks.fail("NinjaOne organization", "NinjaOne could not be read: " + e.getMessage());
        }
    }

    private PreflightResult result(OnboardingParameters p, List<Check> checks, List<String> variants, int expected,
            String canary) {
        int passed = (int) checks.stream().filter(c -> Checks.PASS.equals(c.status())).count();
        int warnings = (int) checks.stream().filter(c -> Checks.WARN.equals(c.status())).count();
        int failed = (int) checks.stream().filter(c -> Checks.FAIL.equals(c.status())).count();
        var card = new PreflightReportCard(p.clientName(), p.tenantId(), clock.instant(), passed, warnings, failed,
                failed == 0, List.copyOf(checks));
        return new PreflightResult(card, List.copyOf(variants), expected, canary);
    }
}
