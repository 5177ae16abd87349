package dev.scimpilot.clients;

import dev.scimpilot.cards.ClientListCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code clients}: the registry, soonest token expiry first, 20 per page. */
@Component
@Order(40)
class ClientsCommand implements Command {

    private final ClientRegistry registry;
    private final LastChecks checks;
    private final Clock clock;

    ClientsCommand(ClientRegistry registry, LastChecks checks, Clock clock) {
        this.registry = registry;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("clients", "clients", "Lists the client registry, soonest token expiry first.", "client list");
    }

    @Override
    public Reply handle(CommandRequest request) {
        int page = 1;
        if (request.hasArgs()) {
            try {
                page = Integer.parseInt(request.args().replaceAll("(?i)^page\\s*", "").strip());
            } catch (NumberFormatException e) {
                return Reply.text("Usage: `clients` or `clients page 2`. For one client: `client <name>`.");
            }
        }
        return page(registry, checks, clock, page)
                .<Reply>map(card -> Reply.card("client-list", card))
                .orElseGet(() -> Reply.text("The registry is empty. Onboard a client with `onboard client <name>`."));
    }

    /** One page of the registry, soonest token expiry first; empty when there are no clients. */
    static java.util.Optional<ClientListCard> page(ClientRegistry registry, LastChecks checks, Clock clock, int page) {
        var last = checks.all();
        var rows = registry.all().stream()
                .map(c -> {
                    var check = last.get(c.id());
                    String status = check == null ? "not checked" : (check.overall().equals("healthy") ? "✔ "
                            : check.overall().equals("warning") ? "⚠ " : "✖ ") + check.overall();
                    String color = check == null ? "Default" : check.overall().equals("healthy") ? "Good"
                            : check.overall().equals("warning") ? "Warning" : "Attention";
                    return new ClientListCard.Row(c.id(), c.name(), Long.toString(c.ninjaOrgId()), c.emailDomain(),
                            c.tokenExpiresOn(), c.tokenDaysLeft(clock), status, color);
                })
                .toList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ClientListCard.page(rows, page));
    }
}
