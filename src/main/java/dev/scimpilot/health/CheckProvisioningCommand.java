package dev.scimpilot.health;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code check provisioning ‹client›|all}: read-only, no approval. The check reads whole tenants, so it runs in the
 * background: the bot answers at once ("checking …") and posts the health card (one client) or the fleet card when done.
 */
@Component
@Order(30)
class CheckProvisioningCommand implements Command {

    private final ClientRegistry registry;
    private final HealthChecks checks;

    CheckProvisioningCommand(ClientRegistry registry, HealthChecks checks) {
        this.registry = registry;
        this.checks = checks;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("check provisioning", "check provisioning [client|all]",
                "Checks provisioning health for one client or the whole fleet (read-only).", "check");
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.hasArgs() ? request.args().strip() : "";
        String conversation = request.conversation().conversationId();
        if (args.isEmpty()) {
            return Reply.text("Which client? `check provisioning ‹client›`, or `check provisioning all` for the whole fleet.");
        }
        if (args.equalsIgnoreCase("all")) {
            List<Client> all = registry.all();
            if (all.isEmpty()) {
                return Reply.text("The registry is empty: there is nothing to check. Onboard a client with `onboard client`.");
            }
            checks.fleet(all, conversation);
            return Reply.text("Checking " + all.size() + " client" + (all.size() == 1 ? "" : "s") + "… (read-only; the fleet "
                    + "card follows when every tenant has answered)");
        }
        return registry.find(args).<Reply>map(c -> {
            checks.client(c, conversation);
            return Reply.text("Checking " + c.name() + "… (read-only)");
        }).orElseGet(() -> Reply.text("No client matches `" + args + "`. `clients` lists the registry; "
                + "`check provisioning all` checks every client."));
    }
}
