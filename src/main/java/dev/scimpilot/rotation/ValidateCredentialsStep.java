package dev.scimpilot.rotation;

import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.steps.ProvisioningJobs;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.Map;

/** Runbook "Token Rotation" 3: test connection with what the job now has saved. */
final class ValidateCredentialsStep implements RunStep<RotationParameters> {

    private final GraphClients graph;

    ValidateCredentialsStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "validate-credentials";
    }

    @Override
    public String title() {
        return "Test connection";
    }

    @Override
    public StepPlan plan(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        if (p.scimToken().version().equals(run.fact(RotationFacts.CREDENTIALS_TESTED).orElse(null))) {
            return StepPlan.inPlace("the saved credentials passed the connection test", Map.of());
        }
        return StepPlan.change("Test the connection with the saved credentials",
                "validateCredentials (useSavedCredentials) on job " + p.jobId());
    }

    @Override
    public StepOutcome apply(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        ProvisioningJobs.validateSaved(graph.forTenant(p.tenantId()), p.servicePrincipalId(), p.jobId());
        return StepOutcome.did("Entra's connection test to NinjaOne passed with the saved token")
                .withFact(RotationFacts.CREDENTIALS_TESTED, p.scimToken().version());
    }
}
