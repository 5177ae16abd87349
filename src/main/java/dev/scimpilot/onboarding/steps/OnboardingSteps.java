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

    /**
     * The onboarding of a client whose NinjaOne has no identity provider yet, in the real order 1, 2, 5, 3, 7, 4, 6, 8:
     * the Entra side by Graph, the NinjaOne side as human steps (identity provider → SAML on the app → group assigned,
     * so NinjaOne's Test Connection can sign someone in → metadata import → SCIM token), then the job and the rest.
     * {@code record} is the registry step, given the SCIM endpoint and token from the run.
     */
    public static List<RunStep<OnboardingParameters>> withSsoSetUp(GraphClients graph, NinjaOne ninja, SecretVault vault,
            ScimUrlPolicy policy, dev.scimpilot.scim.ScimEndpointProbe probe, java.time.Clock clock, String ninjaBaseUrl,
            String authorityHost, RunStep<OnboardingParameters> record) {
        return List.of(new DynamicGroupStep(graph), new EnterpriseAppStep(graph), new AppRoleStep(graph),
                new NinjaIdentityProviderStep(graph, policy, ninjaBaseUrl), new SamlSsoStep(graph, clock),
                new GroupAssignmentStep(graph), new SamlMetadataStep(graph, authorityHost, ninjaBaseUrl),
                new ScimTokenStep(policy, probe, vault, clock, ninjaBaseUrl),
                new ScimFromFacts(new ProvisioningJobStep(graph, vault, policy), true),
                new ProvisionOnDemandStep(graph, ninja), new VerifyNinjaOneStep(ninja), new ScimFromFacts(record, false));
    }

    public static List<RunStep<OnboardingParameters>> all(GraphClients graph, NinjaOne ninja, SecretVault vault,
            ScimUrlPolicy policy) {
        return List.of(new DynamicGroupStep(graph), new EnterpriseAppStep(graph), new AppRoleStep(graph),
                new ProvisioningJobStep(graph, vault, policy), new GroupAssignmentStep(graph),
                new ProvisionOnDemandStep(graph, ninja), new VerifyNinjaOneStep(ninja));
    }
}
