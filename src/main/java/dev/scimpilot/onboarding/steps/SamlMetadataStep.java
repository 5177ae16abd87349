package dev.scimpilot.onboarding.steps;

import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.HumanAnswer;
import dev.scimpilot.runs.HumanStep;
import dev.scimpilot.runs.HumanTask;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.StepPlan;
import java.util.List;
import java.util.Map;

/**
 * SSO set-up, human step: NinjaOne imports the app's federation metadata URL and passes "Test Connection" (which
 * signs in an assigned user, so it comes after the group assignment), and the provider is saved. Already in place
 * when the app had SAML before this run.
 */
final class SamlMetadataStep implements HumanStep<OnboardingParameters> {

    private final GraphClients graph;
    private final String authorityHost;
    private final String ninjaBaseUrl;

    SamlMetadataStep(GraphClients graph, String authorityHost, String ninjaBaseUrl) {
        this.graph = graph;
        this.authorityHost = authorityHost;
        this.ninjaBaseUrl = ninjaBaseUrl;
    }

    @Override
    public String id() {
        return "ninja-saml-metadata";
    }

    @Override
    public String title() {
        return "3b · NinjaOne: metadata and Test Connection (you)";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        boolean ours = run.runId().equals(run.fact(Facts.SAML_CONFIGURED_BY_RUN).orElse(null));
        if (!ours && SamlState.of(graph, run).complete()) {
            return StepPlan.inPlace("SAML SSO was set up before this run; NinjaOne has the metadata", Map.of());
        }
        return StepPlan.human("In NinjaOne, import the app's federation metadata URL, run Test Connection and save");
    }

    /** The app's federation metadata, which NinjaOne imports ("Import metadata from URL"). */
    String metadataUrl(RunContext<OnboardingParameters> run) {
        return authorityHost + "/" + run.parameters().tenantId() + "/federationmetadata/2007-06/federationmetadata.xml?appid="
                + run.fact(Facts.APP_ID).orElse("");
    }

    @Override
    public HumanTask task(RunContext<OnboardingParameters> run) {
        return new HumanTask(List.of(
                "In NinjaOne, on the identity provider '" + run.parameters().emailDomain() + "', choose Import metadata from URL "
                        + "and paste the metadata URL below.",
                "Click Test Connection and sign in with a licensed user of the client (the group is assigned to the app now).",
                "When the test passes, save the identity provider, then come back and confirm here."),
                "Open NinjaOne → Identity Providers", ninjaBaseUrl + "/#/administration/accounts/identityProviders",
                List.of(new HumanTask.Copy("Federation metadata URL", metadataUrl(run)),
                        new HumanTask.Copy("Entity ID (already in Entra)", run.fact(Facts.SAML_ENTITY_ID).orElse(""))),
                List.of(), "Test Connection passed, provider saved");
    }

    @Override
    public Accepted accept(RunContext<OnboardingParameters> run, HumanAnswer answer) {
        return new Accepted("NinjaOne imported the metadata, Test Connection passed, provider saved", Map.of());
    }
}
