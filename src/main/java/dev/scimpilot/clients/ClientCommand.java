package dev.scimpilot.clients;

import dev.scimpilot.cards.ClientDetailCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code client <name>}: one registry entry and what SCIM Pilot set up for it. */
@Component
@Order(41)
class ClientCommand implements Command {

    private final ClientRegistry registry;
    private final Clock clock;

    ClientCommand(ClientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("client", "client ‹name›", "Shows one client's registry entry and setup.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.text("Which client? For example `client Brennwald`. `clients` lists them all.");
        }
        return registry.find(request.args())
                .<Reply>map(c -> Reply.card("client-detail", detail(c, clock, registry.samlCertificate(c.id()))))
                .orElseGet(() -> Reply.text("No client matches `" + request.args().strip() + "`. `clients` lists the registry."));
    }

    static ClientDetailCard detail(Client c, Clock clock, java.util.Optional<SamlCertificate> saml) {
        ClientDetailCard d = detail(c, clock);
        return new ClientDetailCard(d.clientId(), d.clientName(), d.ninjaOrgId(), d.emailDomain(), d.tenantId(), d.groupName(),
                d.appName(), d.tokenExpiresOn(), d.tokenDaysLeft(), d.onboardedAt(), d.onboardedBy(), d.lastHealth(),
                saml.map(s -> s.describe(clock)).orElse(""));
    }

    static ClientDetailCard detail(Client c, Clock clock) {
        return new ClientDetailCard(c.id(), c.name(), Long.toString(c.ninjaOrgId()), c.emailDomain(), c.tenantId(),
                c.groupName() == null ? "" : c.groupName(), c.appName() == null ? "" : c.appName(), c.tokenExpiresOn(), c.tokenDaysLeft(clock),
                c.onboardedAt(), c.onboardedBy() == null ? "" : c.onboardedBy(), "not checked yet");
    }
}
