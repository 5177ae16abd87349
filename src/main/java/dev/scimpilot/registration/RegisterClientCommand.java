package dev.scimpilot.registration;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.Reply;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code register client [name]}: adopt a client onboarded by hand into the registry (the form, prefilled from the argument). */
@Component
@Order(42)
class RegisterClientCommand implements Command {

    private final AccessPolicy access;
    private final PendingInteractions pending;
    private final RegisterForms forms;

    RegisterClientCommand(AccessPolicy access, PendingInteractions pending, RegisterForms forms) {
        this.access = access;
        this.pending = pending;
        this.forms = forms;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("register client", "register client [name]",
                "Adopts a client onboarded by hand: finds its NinjaOne app, job and group, records it (tenant untouched).",
                "register");
    }

    @Override
    public Reply handle(CommandRequest request) {
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        String draftId = "register/" + UUID.randomUUID().toString().substring(0, 8);
        String client = request.args().strip();
        pending.start(request.conversation().conversationId(), draftId,
                "registering " + (client.isEmpty() ? "a client" : client));
        return Reply.card("register-form", forms.blank(draftId, client));
    }
}
