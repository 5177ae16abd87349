package dev.scimpilot.help;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.Reply;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code cancel}: abandons what this conversation was in the middle of (an open form, a pending question). */
@Component
@Order(91)
class CancelCommand implements Command {

    private final PendingInteractions pending;

    CancelCommand(PendingInteractions pending) {
        this.pending = pending;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("cancel", "cancel", "Abandons the form or question I am waiting on in this chat.", "stop");
    }

    @Override
    public Reply handle(CommandRequest request) {
        return pending.clear(request.conversation().conversationId())
                .map(what -> Reply.text("Cancelled: " + what + ". Nothing was changed."))
                .orElseGet(() -> Reply.text("There is nothing to cancel here."));
    }
}
