package dev.scimpilot.alerts;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.ConversationDirectory;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.audit.AuditLog;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code alerts here} (approvers only): expiry reminders and provisioning alerts for every client go to this
 * conversation from now on. In a channel that is the channel itself (a new post), not the thread it was typed in.
 */
@Component
@Order(72)
class AlertsHereCommand implements Command {

    private final AccessPolicy access;
    private final ConversationDirectory conversations;
    private final AlertChannel channel;
    private final AuditLog audit;
    private final AlertTasks.AlertRound round;

    AlertsHereCommand(AccessPolicy access, ConversationDirectory conversations, AlertChannel channel, AuditLog audit,
            AlertTasks.AlertRound round) {
        this.round = round;
        this.access = access;
        this.conversations = conversations;
        this.channel = channel;
        this.audit = audit;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("alerts here", "alerts here",
                "Sends expiry reminders and provisioning alerts to this channel (approvers).");
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!access.isApprover(request.user())) {
            return Reply.text("Only approvers may choose where alerts go. Your Entra object id ("
                    + (request.user().aadObjectId() == null ? "unknown" : request.user().aadObjectId())
                    + ") is not in scimpilot.access.approvers. Nothing was changed.");
        }
        if (request.hasArgs()) {
            return Reply.text("Usage: `alerts here` (no arguments), typed in the channel that should get the alerts.");
        }
        var target = conversations.topLevel(request.conversation().conversationId());
        if (target.isEmpty()) {
            return Reply.text("I cannot post here on my own yet; mention me once more and try again. Nothing was changed.");
        }
        channel.set(target.get(), request.user());
        audit.record(request.user().aadObjectId(), request.user().displayName(), "alerts.here", null, null, target.get());
        round.soon(); // reminders that had nowhere to go are due now
        String where = "channel".equals(request.conversation().conversationType()) ? "this channel"
                : "personal".equals(request.conversation().conversationType()) ? "this chat (only you will see them)" : "this chat";
        return Reply.text("Done: expiry reminders and provisioning alerts for all clients now go to " + where
                + ". I am checking every client now; `alerts` shows the setting.");
    }
}
