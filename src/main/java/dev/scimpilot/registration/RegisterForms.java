package dev.scimpilot.registration;

import dev.scimpilot.cards.RegisterFormCard;
import dev.scimpilot.clients.Client;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOrganization;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The register form: NinjaOne organizations from the API, the one named like the client preselected. */
@Component
class RegisterForms {

    private static final Logger log = LoggerFactory.getLogger(RegisterForms.class);
    private final NinjaOne ninjaOne;

    RegisterForms(NinjaOne ninjaOne) {
        this.ninjaOne = ninjaOne;
    }

    RegisterFormCard blank(String draftId, String clientName) {
        List<NinjaOrganization> orgs = organizations();
        String preselected = orgs.stream().filter(o -> !clientName.isBlank() && Client.key(o.name()).startsWith(Client.key(clientName)))
                .map(o -> Long.toString(o.id())).findFirst().orElse("");
        return new RegisterFormCard(draftId, clientName, "", preselected, choices(orgs), "",
                orgs.isEmpty() ? "I could not load the NinjaOne organizations; check the NinjaOne API client settings." : "");
    }

    /** The form again with what was typed and what is wrong. */
    RegisterFormCard again(RegisterFormSubmission s, String problem) {
        return new RegisterFormCard(s.draftId(), s.clientName(), s.emailDomain(), s.ninjaOrgId(), choices(organizations()),
                s.tokenIssuedOn() == null ? "" : s.tokenIssuedOn(), problem);
    }

    private List<NinjaOrganization> organizations() {
        try {
            return ninjaOne.organizations();
        } catch (RuntimeException e) {
            log.warn("could not list NinjaOne organizations: {}", e.getMessage());
            return List.of();
        }
    }

    private static List<RegisterFormCard.Organization> choices(List<NinjaOrganization> orgs) {
        return orgs.stream().sorted(Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT)))
                .map(o -> new RegisterFormCard.Organization(Long.toString(o.id()), o.name())).toList();
    }
}
