package dev.scimpilot.runs.approval;

import dev.scimpilot.cards.RunListCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.Runbooks;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code runs}: the 20 most recent runs and where each stands. */
@Component
@Order(50)
class RunsCommand implements Command {

    private final RunRepository runs;
    private final Runbooks runbooks;

    RunsCommand(RunRepository runs, Runbooks runbooks) {
        this.runs = runs;
        this.runbooks = runbooks;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("runs", "runs", "Lists recent runs and where each stands.", "run list");
    }

    @Override
    public Reply handle(CommandRequest request) {
        var rows = runs.recent(20).stream()
                .map(r -> new RunListCard.Row(r.shortId(), r.clientName(), runbooks.get(r.kind()).title(),
                        r.status().label(), r.requester().name(), r.createdAt()))
                .toList();
        return Reply.card("run-list", new RunListCard(rows));
    }
}
