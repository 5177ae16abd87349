package dev.scimpilot.onboarding.steps;

import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.HumanAnswer;
import dev.scimpilot.runs.HumanStep;
import dev.scimpilot.runs.HumanTask;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.scim.ScimUrlPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SSO set-up, human step (runbook step 3, NinjaOne side): add the client's identity provider in NinjaOne (display
 * name = the client's email domain) and paste back its Entity ID and Reply (ACS) URL, which must be https URLs on
 * NinjaOne's hosts (the same allow-list as the SCIM endpoint). Already in place when the app has SAML set up.
 */
final class NinjaIdentityProviderStep implements HumanStep<OnboardingParameters> {

    private final GraphClients graph;
    private final ScimUrlPolicy policy;
    private final String ninjaBaseUrl;

    NinjaIdentityProviderStep(GraphClients graph, ScimUrlPolicy policy, String ninjaBaseUrl) {
        this.graph = graph;
        this.policy = policy;
        this.ninjaBaseUrl = ninjaBaseUrl;
    }

    @Override
    public String id() {
        return "ninja-identity-provider";
    }

    @Override
    public String title() {
        return "3a · NinjaOne identity provider (you)";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        SamlState saml = SamlState.of(graph, run);
        if (saml.otherMode()) {
            return StepPlan.blocked(SamlSsoStep.otherModeDrift(saml));
        }
        if (saml.complete()) {
            Map<String, String> found = new HashMap<>(saml.certFacts());
            found.put(Facts.SAML_ENTITY_ID, saml.identifierUris().get(0));
            found.put(Facts.SAML_REPLY_URL, saml.redirectUris().get(0));
            return StepPlan.inPlace("The app already has SAML single sign-on (Entity ID " + saml.identifierUris().get(0)
                    + "); NinjaOne's identity provider is linked", found);
        }
        return StepPlan.human("In NinjaOne, add the identity provider '" + run.parameters().emailDomain()
                + "' and paste its Entity ID and Reply URL");
    }

    @Override
    public HumanTask task(RunContext<OnboardingParameters> run) {
        return new HumanTask(List.of(
                "In NinjaOne open Administration → Accounts → Identity Providers and add an identity provider.",
                "Display name: the value below (the client's email domain). Choose Microsoft Entra ID / SAML.",
                "NinjaOne shows the provider's Entity ID and Reply URL (ACS URL): copy each into the fields here.",
                "Leave the NinjaOne page open: after the next steps you import the app's metadata there."),
                "Open NinjaOne → Identity Providers", ninjaBaseUrl + "/#/administration/accounts/identityProviders",
                List.of(new HumanTask.Copy("Display name", run.parameters().emailDomain())),
                List.of(HumanTask.Input.text("entityId", "Entity ID (from NinjaOne)", "https://…", "^https?://\\S+$",
                                "Paste the Entity ID NinjaOne shows (an https URL)."),
                        HumanTask.Input.text("replyUrl", "Reply URL / ACS URL (from NinjaOne)", "https://…", "^https?://\\S+$",
                                "Paste the Reply (ACS) URL NinjaOne shows (an https URL).")),
                "Save and continue");
    }

    @Override
    public Accepted accept(RunContext<OnboardingParameters> run, HumanAnswer answer) {
        String entityId = answer.value("entityId");
        String replyUrl = answer.value("replyUrl");
        policy.check(entityId, "The Entity ID").ifPresent(why -> {
            throw new Refused(why);
        });
        policy.check(replyUrl, "The Reply URL").ifPresent(why -> {
            throw new Refused(why);
        });
        if (entityId.length() > 256 || replyUrl.length() > 256) {
            throw new Refused("Entra accepts at most 256 characters for the Entity ID and the Reply URL.");
        }
        return new Accepted("NinjaOne identity provider '" + run.parameters().emailDomain() + "': Entity ID " + entityId
                + ", Reply URL " + replyUrl, Map.of(Facts.SAML_ENTITY_ID, entityId, Facts.SAML_REPLY_URL, replyUrl));
    }
}
