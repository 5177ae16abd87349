package dev.scimpilot.alerts;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code alerts}: where reminders and alerts go, and when the jobs run. */
@Component
@Order(73)
class AlertsCommand implements Command {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC);
    private final AlertChannel channel;
    private final AlertProperties properties;

    AlertsCommand(AlertChannel channel, AlertProperties properties) {
        this.channel = channel;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("alerts", "alerts", "Shows where expiry reminders and provisioning alerts go.");
    }

    @Override
    public Reply handle(CommandRequest request) {
        String schedule = "Expiry reminders are checked daily at " + properties.dailyAt() + " (" + properties.timeZone()
                + "), provisioning every " + Incident.human(properties.watchdogInterval()) + ".";
        return channel.current()
                .<Reply>map(s -> Reply.text("Alerts go to the conversation chosen with `alerts here` by " + s.setByName() + " on "
                        + WHEN.format(s.setAt()) + (s.conversationId().equals(request.conversation().conversationId())
                                || request.conversation().conversationId().startsWith(s.conversationId() + ";")
                                ? " (this one)." : " (not this one).") + " " + schedule))
                .orElseGet(() -> Reply.text("No alert channel is set: each client's reminders and alerts go to the conversation it "
                        + "was onboarded in. An approver can type `alerts here` in the ops channel. " + schedule));
    }
}
