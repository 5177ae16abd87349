package dev.scimpilot.clients;

import dev.scimpilot.cards.ClientDetailCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code client <name>}: one registry entry, what SCIM Pilot set up for it, and its last runs. */
@Component
@Order(41)
class ClientCommand implements Command {

    private final ClientRegistry registry;
    private final ClientDetails details;

    ClientCommand(ClientRegistry registry, ClientDetails details) {
        this.registry = registry;
        this.details = details;
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
                .<Reply>map(c -> Reply.card("client-detail", details.card(c)))
                .orElseGet(() -> Reply.text("No client matches `" + request.args().strip() + "`. `clients` lists the registry."));
    }

    static ClientDetailCard detail(Client c, LastChecks checks, java.util.Optional<SamlCertificate> saml,
            java.util.List<ClientDetailCard.LastRun> runs, Clock clock) {
        return new ClientDetailCard(c.id(), c.name(), Long.toString(c.ninjaOrgId()), c.emailDomain(), c.tenantId(),
                c.groupName() == null ? "" : c.groupName(), c.appName() == null ? "" : c.appName(), c.tokenExpiresOn(), c.tokenDaysLeft(clock),
                c.onboardedAt(), c.onboardedBy() == null ? "" : c.onboardedBy(),
                checks.of(c.id()).map(LastChecks.LastCheck::line).orElse("not checked yet: `check provisioning " + c.name() + "`"),
                rotated(c), saml.map(cert -> cert.describe(clock)).orElse(""), runs);
    }

    /** "28 Nov 2026 by Anna Technician", or that SCIM Pilot has not rotated this client's token. */
    static String rotated(Client c) {
        if (c.tokenRotatedAt() == null) {
            return "not yet rotated by SCIM Pilot";
        }
        return java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy", java.util.Locale.ENGLISH)
                .format(c.tokenRotatedAt().atOffset(java.time.ZoneOffset.UTC)) + (c.tokenRotatedBy() == null ? "" : " by " + c.tokenRotatedBy());
    }
}
