package dev.scimpilot.onboarding.steps;

import static dev.scimpilot.sandbox.DemoData.*;

import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.entra.GraphProperties;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.ninjaone.NinjaOneRestClient;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.scim.ScimProperties;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.InMemorySecretVault;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The onboarding steps against a sandbox with the production Graph and NinjaOne clients, run the way the run engine
 * runs them (plan, record what it found, apply a change, record the facts, verify) without the database.
 */
public final class StepHarness implements AutoCloseable {

    public final Sandbox sandbox;
    public final GraphClients graph;
    public final NinjaOne ninja;
    public final SecretVault vault = new InMemorySecretVault();
    public final ScimUrlPolicy policy = new ScimUrlPolicy(new ScimProperties(List.of("127.0.0.1"), true, Duration.ofSeconds(10)));
    public final List<RunStep<OnboardingParameters>> steps;
    public String runId = UUID.randomUUID().toString();
    public Map<String, String> facts = new HashMap<>();

    public StepHarness() {
        this(Sandbox.start(0));
    }

    public StepHarness(Sandbox sandbox) {
        this(sandbox, null);
    }

    /** With {@code graph} null, the production GraphClients bound from the sandbox's properties. */
    public StepHarness(Sandbox sandbox, GraphClients graph) {
        this.sandbox = sandbox;
        Binder binder = new Binder(new MapConfigurationPropertySource(sandbox.scimPilotProperties()));
        this.graph = graph != null ? graph : new GraphClients(binder.bind("scimpilot.graph", GraphProperties.class).get(),
                binder.bind("scimpilot.entra", EntraProperties.class).get());
        this.ninja = new NinjaOneRestClient(new NinjaOneProperties(sandbox.ninjaOneBaseUrl(), NINJA_CLIENT_ID,
                NINJA_CLIENT_SECRET, null, Duration.ofSeconds(10)));
        this.steps = OnboardingSteps.all(this.graph, this.ninja, vault, policy);
        Graphs.pollFirstWait = Duration.ofMillis(100);
    }

    /** Brennwald as the onboarding form would give it, with NinjaOne's current SCIM token in the vault. */
    public OnboardingParameters brennwald() {
        return client(BRENNWALD_COMPANY, BRENNWALD_DOMAIN, BRENNWALD_TENANT_ID, BRENNWALD_ORG_ID);
    }

    /** A demo client with SCIM enabled in NinjaOne, default runbook settings and fallback All. */
    public OnboardingParameters client(String company, String domain, String tenantId, long orgId) {
        var idp = sandbox.state().scimIdentityProvider(orgId).orElseThrow();
        SecretRef ref = vault.put("scim-token-" + orgId, Secret.of(idp.token()), Instant.now().plus(Duration.ofDays(180)));
        return new OnboardingParameters(company, domain, tenantId, orgId, company, "All", List.of(),
                OnboardingParameters.DEFAULT_GROUP, OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "",
                OnboardingParameters.DEFAULT_APP_NAME, idp.scimBaseUrl(), ref, false, null);
    }

    /** A fresh run (new run id, no facts), as a second onboarding of the same client would be. */
    public void newRun() {
        runId = UUID.randomUUID().toString();
        facts = new HashMap<>();
    }

    public RunStep<OnboardingParameters> step(Class<?> type) {
        return steps.stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    public StepPlan plan(RunStep<OnboardingParameters> step, OnboardingParameters p) {
        StepPlan plan = step.plan(new RunContext<>(runId, p, facts));
        facts.putAll(plan.found());
        return plan;
    }

    /** Plan, then apply if the plan is a change, then verify; returns the plan it applied. */
    public StepPlan run(RunStep<OnboardingParameters> step, OnboardingParameters p) {
        StepPlan plan = plan(step, p);
        if (plan instanceof StepPlan.Blocked b) {
            throw new IllegalStateException("blocked: " + b.summary());
        }
        if (plan instanceof StepPlan.Change) {
            RunContext<OnboardingParameters> ctx = new RunContext<>(runId, p, facts);
            StepOutcome out = step.apply(ctx);
            facts.putAll(out.facts());
            String problem = step.verify(ctx);
            if (problem != null) {
                throw new IllegalStateException("verify failed: " + problem);
            }
        }
        return plan;
    }

    /** Runs every step before {@code last} and then {@code last}. */
    public void runUpTo(Class<?> last, OnboardingParameters p) {
        for (RunStep<OnboardingParameters> s : steps) {
            if (last.isInstance(s)) {
                return;
            }
            run(s, p);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
