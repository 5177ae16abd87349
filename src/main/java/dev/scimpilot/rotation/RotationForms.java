package dev.scimpilot.rotation;

import dev.scimpilot.cards.TokenFormCard;
import dev.scimpilot.clients.Client;
import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.scim.ScimProperties;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The token form of a rotation: the NinjaOne steps, the NinjaOne link, the SCIM URL prefilled, a password input.
 * The form id names the client, and is open in the conversation only while the form may be submitted.
 */
@Component
class RotationForms {

    private static final String PREFIX = "rotate/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private final NinjaOneProperties ninja;
    private final ScimProperties scim;
    private final Clock clock;

    RotationForms(NinjaOneProperties ninja, ScimProperties scim, Clock clock) {
        this.ninja = ninja;
        this.scim = scim;
        this.clock = clock;
    }

    static String newDraftId(Client client) {
        return PREFIX + client.id() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The client id a form id names (only meaningful once the form id was found open in the conversation). */
    static Optional<String> clientIdOf(String draftId) {
        if (draftId == null || !draftId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = draftId.substring(PREFIX.length());
        int slash = rest.lastIndexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
    }

    TokenFormCard form(String draftId, Client client, String endpointUrl, String problem) {
        List<TokenFormCard.Step> steps = List.of(
                new TokenFormCard.Step(1, "Open NinjaOne → Administration → Accounts → Identity Providers."),
                new TokenFormCard.Step(2, "Open the identity provider of " + client.name() + "."),
                new TokenFormCard.Step(3, "In its SCIM section, click Regenerate token and copy the new token. NinjaOne "
                        + "shows it once, and the old token stops working at that moment."),
                new TokenFormCard.Step(4, "Paste it below. Keep the SCIM endpoint URL unless NinjaOne shows a different one."));
        return new TokenFormCard(draftId, client.name(), "Token rotation: a new NinjaOne SCIM token into " + client.name()
                + "'s provisioning job. I test it against NinjaOne first, then plan; an approver decides before anything "
                + "changes in the tenant.", steps, ninja.baseUrl(), expiry(client), endpointUrl == null ? "" : endpointUrl,
                String.join(", ", scim.allowedHosts()), problem == null ? "" : problem);
    }

    private String expiry(Client c) {
        if (c.tokenExpiresOn() == null) {
            return "unknown";
        }
        int days = c.tokenDaysLeft(clock);
        return DAY.format(c.tokenExpiresOn()) + " (" + (days < 0 ? "expired " + -days + " days ago"
                : days == 0 ? "expires today" : days + " days left") + ")";
    }
}
