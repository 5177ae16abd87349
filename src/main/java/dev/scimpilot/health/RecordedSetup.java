package dev.scimpilot.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scimpilot.clients.Client;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.secrets.SecretRef;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What was approved for a client at onboarding: the parameters of its onboarding run (rule patterns, Switch keys,
 * fallback, names), with today's token reference and SCIM URL from the registry (a rotation changes those). A client
 * registered without an onboarding run gets the runbook defaults around its registry entry.
 */
@Component
public class RecordedSetup {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final RunRepository runs;

    public RecordedSetup(RunRepository runs) {
        this.runs = runs;
    }

    public OnboardingParameters of(Client c) {
        SecretRef token = c.scimTokenName() == null ? null : new SecretRef(c.scimTokenName(), c.scimTokenVersion());
        Optional<OnboardingParameters> approved = approvedRun(c);
        if (approved.isPresent()) {
            OnboardingParameters p = approved.get();
            return new OnboardingParameters(p.clientName(), c.emailDomain(), c.tenantId(), c.ninjaOrgId(), c.ninjaOrgName(),
                    p.fallback(), p.extraCompanyNames(), p.groupName(), p.mailExclusion(), p.upnExclusion(),
                    p.appDisplayName(), c.scimUrl(), token, p.usesIntune(), p.canaryUserId());
        }
        List<String> extra = c.switchKeys() == null ? List.of()
                : c.switchKeys().stream().filter(k -> !Client.key(k).equals(Client.key(c.name()))).toList();
        return new OnboardingParameters(c.name(), c.emailDomain(), c.tenantId(), c.ninjaOrgId(), c.ninjaOrgName(),
                c.fallback(), extra, blankTo(c.groupName(), OnboardingParameters.DEFAULT_GROUP),
                OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "", blankTo(c.appName(), OnboardingParameters.DEFAULT_APP_NAME),
                c.scimUrl(), token, false, null);
    }

    /** The onboarding run recorded with the client, if it was one. */
    Optional<OnboardingParameters> approvedRun(Client c) {
        if (c.lastRunId() == null) {
            return Optional.empty();
        }
        Optional<Run> run = runs.find(c.lastRunId()).filter(r -> OnboardingParameters.RUN_KIND.equals(r.kind()));
        try {
            return run.isEmpty() ? Optional.empty()
                    : Optional.of(JSON.readValue(run.get().parametersJson(), OnboardingParameters.class));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String blankTo(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
