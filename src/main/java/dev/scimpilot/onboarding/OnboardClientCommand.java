package dev.scimpilot.onboarding;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.Reply;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code onboard client [name]}: opens the onboarding form, prefilled from the argument. */
@Component
@Order(10)
class OnboardClientCommand implements Command {

    private final AccessPolicy access;
    private final PendingInteractions pending;
    private final OnboardForms forms;

    OnboardClientCommand(AccessPolicy access, PendingInteractions pending, OnboardForms forms) {
        this.access = access;
        this.pending = pending;
        this.forms = forms;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.changing("onboard client", "onboard client [name]",
                "Sets up NinjaOne SCIM provisioning for a client tenant (runbook steps 1–8), after approval.", "onboard");
    }

    @Override
    public Reply handle(CommandRequest request) {
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        String draftId = "d-" + UUID.randomUUID().toString().substring(0, 8);
        String client = request.args().strip();
        pending.start(request.conversation().conversationId(), draftId,
                "the onboarding form" + (client.isEmpty() ? "" : " for " + client));
        return Reply.card("onboard-form", forms.blank(draftId, client));
    }
}
