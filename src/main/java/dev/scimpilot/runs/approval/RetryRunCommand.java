package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code retry run <id>}: resumes a failed run from the step that failed. */
@Component
@Order(60)
class RetryRunCommand implements Command {

    private final RunRepository runs;
    private final RunService service;

    RetryRunCommand(RunRepository runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.changing("retry run", "retry run ‹id›", "Resumes a failed run from the step that failed.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        return runs.findByIdOrPrefix(request.args())
                .map(run -> Reply.text(service.retry(run.id(), request.user()).message()))
                .orElseGet(() -> Reply.text(RunLookup.notFound(request.args())));
    }
}
