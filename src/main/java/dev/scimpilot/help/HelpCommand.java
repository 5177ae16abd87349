package dev.scimpilot.help;

import dev.scimpilot.access.AccessProperties;
import dev.scimpilot.cards.HelpCard;
import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandRouter;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.chat.Welcome;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code help}: the command list, generated from every command's declaration. Also the welcome. */
@Component
@Order(90)
class HelpCommand implements Command, Welcome {

    private static final String DEFAULT_INTRO = "Runs the NinjaOne SCIM onboarding runbook for your client tenants. "
            + "Nothing changes in a tenant until an approver presses Approve.";

    private final ObjectProvider<CommandRouter> router;
    private final AccessProperties access;

    HelpCommand(ObjectProvider<CommandRouter> router, AccessProperties access) {
        this.router = router;
        this.access = access;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("help", "help", "Lists what I can do.", "?", "commands");
    }

    @Override
    public Reply handle(CommandRequest request) {
        return helpCard(null);
    }

    @Override
    public Reply greeting() {
        return helpCard("Hi, I'm **SCIM Pilot**. I set up and look after NinjaOne SCIM provisioning for your "
                + "clients' Microsoft 365 tenants: I plan every change, wait for an approver, apply it step by step "
                + "and remind you before SCIM tokens expire.");
    }

    @Override
    public Reply unknownCommand(String text, Optional<String> suggestion) {
        String intro = text.isBlank()
                ? "Tell me what to do, for example `help`."
                : "I don't know `" + text + "`." + suggestion.map(s -> " Did you mean **" + s + "**?").orElse("");
        return helpCard(intro);
    }

    private Reply helpCard(String intro) {
        var commands = router.getObject().specs().stream()
                .map(s -> new HelpCard.Command(s.usage(), s.help(), s.changesTenant()))
                .toList();
        String footer = "Tip: mention me in a channel (@SCIM Pilot check all) or pick a command from the list under the message box.";
        if (!access.fourEyes()) {
            footer = "Four-eyes approval is OFF (local mode): you may approve your own changes. " + footer;
        }
        return Reply.card("help", new HelpCard("SCIM Pilot", intro == null ? DEFAULT_INTRO : intro, commands, footer));
    }
}
