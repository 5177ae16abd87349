package dev.scimpilot.rotation;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.RotatePickerCard;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/** The start of a rotation, shared by the command and the "Rotate token" buttons: the picker, or the token form. */
@Component
class RotationStart {

    private final AccessPolicy access;
    private final ClientRegistry registry;
    private final PendingInteractions pending;
    private final RotationForms forms;
    private final Clock clock;

    RotationStart(AccessPolicy access, ClientRegistry registry, PendingInteractions pending, RotationForms forms, Clock clock) {
        this.access = access;
        this.registry = registry;
        this.pending = pending;
        this.forms = forms;
        this.clock = clock;
    }

    Reply picker(ChatUser user) {
        var refusal = access.whyNotTechnician(user);
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        var rows = registry.all().stream()
                .sorted(Comparator.comparingInt((Client c) -> c.tokenExpiresOn() == null ? Integer.MIN_VALUE : c.tokenDaysLeft(clock))
                        .thenComparing(Client::name))
                .map(c -> new RotatePickerCard.Row(c.id(), c.name(), c.tokenDaysLeft(clock)))
                .toList();
        if (rows.isEmpty()) {
            return Reply.text("The registry is empty, so there is no token to rotate. `onboard client ‹name›` or "
                    + "`register client` first.");
        }
        return Reply.card("rotate-picker", RotatePickerCard.of(rows));
    }

    /** The token form for {@code client}, opened as this conversation's pending interaction. */
    Reply form(ChatUser user, String conversationId, Client client) {
        var refusal = access.whyNotTechnician(user);
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        if (client.servicePrincipalId() == null || client.jobId() == null) {
            return Reply.text("The registry does not know " + client.name() + "'s enterprise app or provisioning job, so there "
                    + "is nothing to put a new token into. An approver can `forget client " + client.name() + "`; then "
                    + "`register client` adopts it again with what is in its tenant.");
        }
        String draftId = RotationForms.newDraftId(client);
        pending.start(conversationId, draftId, "the token rotation for " + client.name());
        return Reply.card("token-form", forms.form(draftId, client, client.scimUrl(), ""));
    }
}
