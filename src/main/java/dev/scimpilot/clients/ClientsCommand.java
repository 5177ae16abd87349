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

    /** What fits in one Teams message (28 KB) with room for the text around the CSV. */
    static final int INLINE_LIMIT = 20_000;
    private final ClientRegistry registry;
    private final LastChecks checks;
    private final Clock clock;
    private final RegistryCsv csv;
    private final ExportLinks links;
    private final ExportProperties export;

    ClientsCommand(ClientRegistry registry, LastChecks checks, Clock clock, RegistryCsv csv, ExportLinks links,
            ExportProperties export) {
        this.registry = registry;
        this.checks = checks;
        this.clock = clock;
        this.csv = csv;
        this.links = links;
        this.export = export;
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
     * The registry as CSV. Teams has no way for a bot to post a file into a channel (file consent cards work in 1:1 chats
     * only), so the bot posts an expiring download link served by itself; without a configured public URL, the CSV
     * itself, inline, when it fits in a message.
     */
    private Reply csv(CommandRequest request) {
        int count = registry.all().size();
        if (count == 0) {
            return Reply.text("The registry is empty: nothing to export.");
        }
        if (export.linksEnabled()) {
            String token = links.issue("clients-csv", request.user().aadObjectId());
            return Reply.text("[Download clients.csv](" + export.base() + "/exports/" + token + "/clients.csv) (" + count
                    + " client" + (count == 1 ? "" : "s") + ", the runbook's registry columns plus status). The link "
                    + "works for " + ExportLinks.LIFETIME.toMinutes() + " minutes; anyone who has it can download the file, "
                    + "so do not forward it.");
        }
        String text = csv.render();
        if (text.length() > INLINE_LIMIT) {
            return Reply.text("The registry CSV (" + count + " clients) is too large for one chat message. Ask your admin to "
                    + "set `scimpilot.clients.public-url` so that I can post a download link instead.");
        }
        return Reply.text("clients.csv (" + count + " client" + (count == 1 ? "" : "s") + "; copy into a file):\n\n```\n"
                + text.replace("\r\n", "\n") + "```");
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
