package dev.scimpilot.clients;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.ForgetClientCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code forget client ‹name›} (approvers only): a confirmation card; the entry leaves the registry, the tenant is untouched. */
@Component
@Order(43)
class ForgetClientCommand implements Command {

    private final AccessPolicy access;
    private final ClientRegistry registry;

    ForgetClientCommand(AccessPolicy access, ClientRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("forget client", "forget client ‹name›",
                "Removes a client from the registry (approvers only); nothing in its tenant changes.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!access.isApprover(request.user())) {
            return Reply.text(ForgetClientActions.refusal(request.user()));
        }
        if (!request.hasArgs()) {
            return Reply.text("Which client? For example `forget client Rheintal`. `clients` lists the registry.");
        }
        return registry.find(request.args())
                .<Reply>map(c -> Reply.card("forget-client", new ForgetClientCard(c.id(), c.name(), c.emailDomain(), c.tenantId(),
                        Long.toString(c.ninjaOrgId()))))
                .orElseGet(() -> Reply.text("No client matches `" + request.args().strip() + "`. `clients` lists the registry."));
    }
}
