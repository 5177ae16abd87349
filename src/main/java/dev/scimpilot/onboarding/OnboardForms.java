package dev.scimpilot.onboarding;

import dev.scimpilot.cards.OnboardFormCard;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOrganization;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Builds the onboarding form: runbook defaults, NinjaOne organizations from the API, the best match preselected. */
@Component
class OnboardForms {

    private static final Logger log = LoggerFactory.getLogger(OnboardForms.class);
    private final NinjaOne ninjaOne;

    OnboardForms(NinjaOne ninjaOne) {
        this.ninjaOne = ninjaOne;
    }

    OnboardFormCard blank(String draftId, String clientName) {
        List<NinjaOrganization> orgs;
        String problem = "";
        try {
            orgs = ninjaOne.organizations();
        } catch (RuntimeException e) {
            log.warn("could not list NinjaOne organizations: {}", e.getMessage());
            orgs = List.of();
            problem = "I could not load the NinjaOne organizations (" + e.getMessage() + "). Check the NinjaOne API "
                    + "client settings, then start again.";
        }
        String preselected = bestMatch(orgs, clientName);
        return new OnboardFormCard(draftId, clientName, "", "", preselected, choices(orgs),
                OnboardingParameters.DEFAULT_GROUP, "All", OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "", "",
                OnboardFormCard.SSO_EXISTING, false,
                problem, OnboardFormCard.NINJA_NOTE);
    }

    /** The form again with what was typed (never the token) and what is wrong. */
    OnboardFormCard again(OnboardFormSubmission s, String problem) {
        List<NinjaOrganization> orgs;
        try {
            orgs = ninjaOne.organizations();
        } catch (RuntimeException e) {
            orgs = List.of();
        }
        return new OnboardFormCard(s.draftId(), s.clientName(), s.emailDomain(), nz(s.tenantId()), s.ninjaOrgId(),
                choices(orgs), s.groupName(), s.fallback(), s.mailExclusion(), nz(s.upnExclusion()), nz(s.scimUrl()),
                s.newSso() ? OnboardFormCard.SSO_NEW : OnboardFormCard.SSO_EXISTING, "true".equals(s.usesIntune()), problem, OnboardFormCard.NINJA_NOTE);
    }

    private static List<OnboardFormCard.Organization> choices(List<NinjaOrganization> orgs) {
        return orgs.stream()
                .sorted(Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT)))
                .map(o -> new OnboardFormCard.Organization(Long.toString(o.id()), o.name()))
                .toList();
    }

    private static String bestMatch(List<NinjaOrganization> orgs, String clientName) {
        if (clientName == null || clientName.isBlank()) {
            return "";
        }
        String wanted = normalise(clientName);
        return orgs.stream()
                .filter(o -> normalise(o.name()).equals(wanted) || normalise(o.name()).startsWith(wanted))
                .map(o -> Long.toString(o.id()))
                .findFirst().orElse("");
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("&", "+").replaceAll("[^a-z0-9+]", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
