package dev.scimpilot.audit;

import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.downloads.DownloadLinks;
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
    private final DownloadLinks links;

    AuditCommand(AuditLog audit, RunRepository runs, DownloadLinks links) {
        this.audit = audit;
        this.runs = runs;
        this.links = links;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("audit", "audit run ‹id› [export] | audit ‹client›",
                "Shows the audit trail of a run or of a client; `export` gives a run's evidence as Markdown and JSON.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.args().strip();
        if (args.isEmpty()) {
            return Reply.text("Usage: `audit run 7f3a2c91` (the id from `runs`) or `audit Brennwald + Heilig AG`.");
        }
        if (args.toLowerCase().startsWith("run ") && args.toLowerCase().endsWith(" export")) {
            String id = args.substring(4, args.length() - " export".length()).strip();
            return runs.findByIdOrPrefix(id).map(run -> export(run, request))
                    .orElseGet(() -> Reply.text("I cannot find a run `" + id + "` (use the id from `runs`)."));
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

    /**
     * Links, not the files: a bot cannot attach files in a channel. The exporter is named in the evidence and the
     * export itself is audited, since the evidence names people and tenants.
     */
    private Reply export(dev.scimpilot.runs.Run run, CommandRequest request) {
        String by = request.user().displayName() + " (" + request.user().aadObjectId() + ")";
        String subject = EvidenceDownloads.subject(run.id(), by);
        var md = links.create(EvidenceDownloads.MARKDOWN, subject, "run-" + run.shortId() + "-evidence.md", request.user().aadObjectId());
        var json = links.create(EvidenceDownloads.JSON, subject, "run-" + run.shortId() + "-evidence.json", request.user().aadObjectId());
        audit.record(request.user().aadObjectId(), request.user().displayName(), "run.evidence-exported", run.id(),
                run.clientName(), null);
        return Reply.text("Evidence of run " + run.shortId() + " (" + run.clientName() + "): [Markdown](" + md.url() + ") · ["
                + "JSON](" + json.url() + "). The links work until " + TIME.format(md.expiresAt()) + " UTC for anyone who has "
                + "them; the files contain no secrets.");
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
