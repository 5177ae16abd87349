package dev.scimpilot.rotation;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.steps.ProvisioningJobs;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretVault;
import java.util.Map;

/**
 * Runbook "Token Rotation" 2: the new token into the provisioning job. Entra tests the new credentials first, so a
 * token NinjaOne refuses never replaces the one the job holds; then both secrets (BaseAddress + SecretToken) are
 * written with the same PUT as onboarding step 6.
 */
final class SaveTokenStep implements RunStep<RotationParameters> {

    private final GraphClients graph;
    private final SecretVault vault;
    private final ScimUrlPolicy policy;

    SaveTokenStep(GraphClients graph, SecretVault vault, ScimUrlPolicy policy) {
        this.graph = graph;
        this.vault = vault;
        this.policy = policy;
    }

    @Override
    public String id() {
        return "save-token";
    }

    @Override
    public String title() {
        return "Save the new token in the provisioning job";
    }

    @Override
    public StepPlan plan(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        var refusal = policy.check(p.scimUrl());
        if (refusal.isPresent()) {
            return StepPlan.blocked(refusal.get());
        }
        if (p.servicePrincipalId() == null || p.jobId() == null) {
            return StepPlan.blocked("The registry does not know " + p.clientName() + "'s enterprise app or provisioning job; "
                    + "`register client` it again so I can find them.");
        }
        if (p.scimToken().version().equals(run.fact(RotationFacts.SECRETS_SAVED).orElse(null))) {
            return StepPlan.inPlace("this run already saved the new token in job " + p.jobId(), Map.of());
        }
        // read-only reachability check: the job must exist before anything is planned against it
        ProvisioningJobs.state(graph.forTenant(p.tenantId()), p.servicePrincipalId(), p.jobId());
        return StepPlan.change("Test the new token from Entra, then save it and the SCIM endpoint in job " + p.jobId(),
                "test first: validateCredentials with the new BaseAddress and SecretToken (nothing saved if NinjaOne refuses)\n"
                        + "PUT synchronization/secrets: BaseAddress = " + p.scimUrl() + ", SecretToken = the new token "
                        + "(vault " + p.scimToken().name() + "), SyncAll = false", Map.of());
    }

    @Override
    public StepOutcome apply(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        policy.check(p.scimUrl()).ifPresent(refusal -> {
            throw new IllegalStateException(refusal);
        });
        // the token is read here, where it is sent to Graph, and nowhere else
        Secret token = vault.get(p.scimToken()).orElseThrow(() -> new IllegalStateException("The new SCIM token is no "
                + "longer in the vault (local mode forgets it on restart); the job keeps its old token. Start `rotate token "
                + p.clientName() + "` again."));
        GraphServiceClient g = graph.forTenant(p.tenantId());
        ProvisioningJobs.testBeforeSaving(g, p.servicePrincipalId(), p.jobId(), p.scimUrl(), token);
        try {
            ProvisioningJobs.saveSecrets(g, p.servicePrincipalId(), p.scimUrl(), token);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Entra accepted the new token, but saving it in job " + p.jobId() + " failed: "
                    + dev.scimpilot.runs.Failures.describe(e) + ". The job keeps its old token; `retry run` tries again.", e);
        }
        return StepOutcome.did("Entra accepted the new token; saved it and the SCIM endpoint in job " + p.jobId())
                .withFact(RotationFacts.SECRETS_SAVED, p.scimToken().version());
    }
}
