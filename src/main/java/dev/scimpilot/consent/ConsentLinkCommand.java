package dev.scimpilot.consent;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.entra.TenantResolutionException;
import dev.scimpilot.entra.TenantResolver;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code consent link <tenant id or domain>}: the admin-consent link of the Graph app for one client tenant, for the
 * client's Global Administrator. Technicians only: the link itself is harmless, but it is the first step of giving
 * SCIM Pilot write access to a tenant. Changes nothing.
 */
@Component
@Order(70)
class ConsentLinkCommand implements Command {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final AccessPolicy access;
    private final TenantResolver tenants;
    private final AdminConsent consent;

    ConsentLinkCommand(AccessPolicy access, TenantResolver tenants, AdminConsent consent) {
        this.access = access;
        this.tenants = tenants;
        this.consent = consent;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("consent link", "consent link ‹tenant id or domain›",
                "Posts the admin-consent link for the Graph app in a client tenant (tenant id or domain).", "consent");
    }

    @Override
    public Reply handle(CommandRequest request) {
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        String arg = request.args() == null ? "" : request.args().strip();
        if (arg.isEmpty() || arg.contains(" ")) {
            return Reply.text("Which tenant? Type `consent link` and the client's tenant id or email domain, for example "
                    + "`consent link brennwald-heilig.ch`.");
        }
        if (!consent.configured()) {
            return Reply.text("The Graph app is not configured yet (scimpilot.graph.client-id is empty), so there is no "
                    + "consent link to give. See deploy/README.md, \"App registrations\".");
        }
        String tenantId;
        String domain = null;
        if (GUID.matcher(arg).matches()) {
            tenantId = arg.toLowerCase(Locale.ROOT);
        } else {
            try {
                tenantId = tenants.tenantIdOf(arg);
                domain = arg.substring(arg.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            } catch (TenantResolutionException e) {
                return Reply.text(e.getMessage() + " You can also give the tenant id: `consent link <tenant id>`.");
            }
        }
        String url = consent.url(tenantId);
        String who = domain == null ? "tenant " + tenantId : domain;
        return Reply.card("notice", new NoticeCard("Admin consent for " + who,
                "A **Global Administrator** (or Privileged Role Administrator) of " + who + " opens "
                        + "[this admin-consent link](" + url + "), signs in with their account in that tenant and "
                        + "accepts the permissions SCIM Pilot's Graph app asks for. Granting it changes nothing else.",
                List.of(new NoticeCard.Fact("Tenant", tenantId), new NoticeCard.Fact("Graph app", consent.clientId()),
                        new NoticeCard.Fact("Link", url)),
                "GDAP admin roles do not replace this consent: the app acts on its own in the client tenant. After "
                        + "consent, run `onboard client` (the preflight checks the consent again)."));
    }
}
