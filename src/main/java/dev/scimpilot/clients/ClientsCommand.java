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
    private final dev.scimpilot.downloads.DownloadLinks links;

    ClientsCommand(ClientRegistry registry, LastChecks checks, Clock clock, dev.scimpilot.downloads.DownloadLinks links) {
        this.registry = registry;
        this.checks = checks;
        this.clock = clock;
        this.links = links;
    }

    @Override
    public CommandSpec spec() {
        // the help line stays as the manifest has it; the usage shows the CSV export
        return CommandSpec.of("clients", "clients [page ‹n›|csv]", "Lists the client registry, soonest token expiry first.",
                "client list");
    }

    @Override
    public Reply handle(CommandRequest request) {
        int page = 1;
        if (request.hasArgs() && request.args().strip().equalsIgnoreCase("csv")) {
            return csv(request);
        }
        if (request.hasArgs()) {
            try {
                page = Integer.parseInt(request.args().replaceAll("(?i)^page\\s*", "").strip());
            } catch (NumberFormatException e) {
                return Reply.text("Usage: `clients`, `clients page 2` or `clients csv`. For one client: `client <name>`.");
            }
        }
        return page(registry, checks, clock, page)
                .<Reply>map(card -> Reply.card("client-list", card))
                .orElseGet(() -> Reply.text("The registry is empty. Onboard a client with `onboard client <name>`."));
    }

    /**
     * The registry as CSV, as a download link (a bot cannot post a file into a channel; a 500-client CSV does not fit
     * in a message either). The file is rendered when the link is opened.
     */
    private Reply csv(CommandRequest request) {
        int count = registry.all().size();
        if (count == 0) {
            return Reply.text("The registry is empty: nothing to export.");
        }
        var link = links.create(RegistryCsv.KIND, "registry", "clients.csv", request.user().aadObjectId());
        return Reply.text("[Download clients.csv](" + link.url() + ") (" + count + " client" + (count == 1 ? "" : "s")
                + ": the runbook's registry columns plus the last health check). The link works until "
                + java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'UTC'", java.util.Locale.ENGLISH)
                        .format(link.expiresAt().atOffset(java.time.ZoneOffset.UTC))
                + "; anyone who has it can open the file, so do not forward it.");
    }

    /** One page of the registry, soonest token expiry first; empty when there are no clients. */
    static java.util.Optional<ClientListCard> page(ClientRegistry registry, LastChecks checks, Clock clock, int page) {
        var last = checks.overallByClient();
        var rows = registry.listed().stream()
                .map(c -> {
                    String overall = last.get(c.id());
                    String status = overall == null ? "not checked" : (overall.equals("healthy") ? "✔ "
                            : overall.equals("warning") ? "⚠ " : "✖ ") + overall;
                    String color = overall == null ? "Default" : overall.equals("healthy") ? "Good"
                            : overall.equals("warning") ? "Warning" : "Attention";
                    return new ClientListCard.Row(c.id(), c.name(), Long.toString(c.ninjaOrgId()), c.emailDomain(),
                            c.tokenExpiresOn(), c.tokenDaysLeft(clock), status, color);
                })
                .toList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ClientListCard.page(rows, page));
    }
}
