package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code cancel run <id>}: stops a run before its next step (the running step finishes; nothing is rolled back). */
@Component
@Order(61)
class CancelRunCommand implements Command {

    private final RunRepository runs;
    private final RunService service;

    CancelRunCommand(RunRepository runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("cancel run", "cancel run ‹id›", "Stops a run before its next step; nothing is rolled back.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        return runs.findByIdOrPrefix(request.args())
                .map(run -> Reply.text(service.cancel(run.id(), request.user()).message()))
                .orElseGet(() -> Reply.text(RunLookup.notFound(request.args())));
    }
}
