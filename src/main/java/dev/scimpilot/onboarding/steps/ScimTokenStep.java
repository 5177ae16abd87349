package dev.scimpilot.onboarding.steps;

import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.HumanAnswer;
import dev.scimpilot.runs.HumanStep;
import dev.scimpilot.runs.HumanTask;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.scim.ScimEndpointProbe;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * SSO set-up, human step (runbook step 4): enable SCIM on the identity provider in NinjaOne and paste the endpoint
 * URL and the bearer token. Exactly as the onboarding form does it: the URL must be allowed, the token is tested
 * against NinjaOne before the run resumes, and it goes to the vault; the run keeps only the vault reference.
 */
final class ScimTokenStep implements HumanStep<OnboardingParameters> {

    private final ScimUrlPolicy policy;
    private final ScimEndpointProbe probe;
    private final SecretVault vault;
    private final Clock clock;
    private final String ninjaBaseUrl;

    ScimTokenStep(ScimUrlPolicy policy, ScimEndpointProbe probe, SecretVault vault, Clock clock, String ninjaBaseUrl) {
        this.policy = policy;
        this.probe = probe;
        this.vault = vault;
        this.clock = clock;
        this.ninjaBaseUrl = ninjaBaseUrl;
    }

    @Override
    public String id() {
        return "ninja-scim-token";
    }

    @Override
    public String title() {
        return "4 · NinjaOne SCIM endpoint and token (you)";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        if (run.fact(Facts.SCIM_URL).isPresent() && run.fact(Facts.SCIM_TOKEN_VERSION).isPresent()) {
            return StepPlan.inPlace("SCIM endpoint and token were entered and tested", Map.of());
        }
        return StepPlan.human("In NinjaOne, enable SCIM on the identity provider and paste the endpoint URL and token "
                + "(tested before the run goes on)");
    }

    @Override
    public HumanTask task(RunContext<OnboardingParameters> run) {
        return new HumanTask(List.of(
                "In NinjaOne, on the identity provider '" + run.parameters().emailDomain() + "', find the SCIM section and click Enable.",
                "Switch on Enable SCIM provisioning.",
                "Copy the SCIM endpoint URL and the bearer token into the fields here. NinjaOne shows the token once; it goes "
                        + "to the vault and is never shown again."),
                "Open NinjaOne → Identity Providers", ninjaBaseUrl + "/#/administration/accounts/identityProviders",
                List.of(new HumanTask.Copy("Identity provider", run.parameters().emailDomain())),
                List.of(HumanTask.Input.text("scimUrl", "SCIM endpoint URL", "https://…/scim/v2", "^https?://\\S+$",
                                "Paste the SCIM endpoint URL from NinjaOne."),
                        HumanTask.Input.secret("scimToken", "SCIM bearer token", "Paste the token NinjaOne showed once")),
                "Test token and continue");
    }

    @Override
    public Accepted accept(RunContext<OnboardingParameters> run, HumanAnswer answer) {
        String url = answer.value("scimUrl");
        policy.check(url).ifPresent(why -> {
            throw new Refused(why);
        });
        Secret token = answer.secretValue().orElseThrow(() -> new Refused("Paste the SCIM bearer token."));
        ScimEndpointProbe.Result tested = probe.probe(url, token);
        if (!tested.ok()) {
            throw new Refused(tested.message());
        }
        var expires = clock.instant().atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        SecretRef ref = vault.put(SecretVault.nameFor("scim", run.parameters().emailDomain()), token, expires);
        return new Accepted("NinjaOne accepted the SCIM token for " + url + "; it is in the " + (vault.durable() ? "vault"
                : "memory-only vault (local mode)"), Map.of(Facts.SCIM_URL, url, Facts.SCIM_TOKEN_NAME, ref.name(),
                Facts.SCIM_TOKEN_VERSION, ref.version()));
    }
}
