package dev.scimpilot.audit;

import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code audit run <id>} / {@code audit <client>}: who asked, who approved, what each step did, when. */
@Component
@Order(95)
class AuditCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int SHOWN = 30;

    private final AuditLog audit;
    private final RunRepository runs;

    AuditCommand(AuditLog audit, RunRepository runs) {
        this.audit = audit;
        this.runs = runs;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("audit", "audit run ‹id› | audit ‹client›", "Shows the audit trail of a run or of a client.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.args().strip();
        if (args.isEmpty()) {
            return Reply.text("Usage: `audit run 7f3a2c91` (the id from `runs`) or `audit Brennwald + Heilig AG`.");
        }
        if (args.toLowerCase().startsWith("run ")) {
            return runs.findByIdOrPrefix(args.substring(4).strip())
                    .map(run -> card("Audit · run " + run.shortId(), run.clientName() + " · " + run.kind(), audit.forRun(run.id())))
                    .orElseGet(() -> Reply.text("I cannot find a run `" + args.substring(4).strip() + "` (use the id from `runs`)."));
        }
        List<AuditEvent> events = audit.forClient(args, SHOWN);
        return events.isEmpty()
                ? Reply.text("No audit entries for `" + args + "` (give the client's name as in `clients`).")
                : card("Audit · " + args, "The " + events.size() + " most recent entries, newest first.", events);
    }

    private static Reply card(String title, String message, List<AuditEvent> events) {
        var facts = events.stream().limit(SHOWN)
                .map(e -> new NoticeCard.Fact(TIME.format(e.at()) + " · " + e.action(),
                        (e.actorName() == null ? "" : e.actorName()) + (e.detail() == null ? "" : " — " + e.detail())))
                .toList();
        return Reply.card("notice", new NoticeCard(title, message, facts,
                events.size() > SHOWN ? "Showing " + SHOWN + " of " + events.size() + " entries." : "All times UTC."));
    }
}
