package dev.scimpilot.onboarding.steps;

import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.SecretVault;
import java.util.List;

/** The Entra and NinjaOne steps of the onboarding runbook (1, 2, 5, 6, 7, 8, verify), in the order a run applies them. */
public final class OnboardingSteps {

    private OnboardingSteps() {}

    public static List<RunStep<OnboardingParameters>> all(GraphClients graph, NinjaOne ninja, SecretVault vault,
            ScimUrlPolicy policy) {
        return List.of(new DynamicGroupStep(graph), new EnterpriseAppStep(graph), new AppRoleStep(graph),
                new ProvisioningJobStep(graph, vault, policy), new GroupAssignmentStep(graph),
                new ProvisionOnDemandStep(graph, ninja), new VerifyNinjaOneStep(ninja));
    }
}
