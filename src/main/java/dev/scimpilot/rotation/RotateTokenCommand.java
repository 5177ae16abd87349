package dev.scimpilot.rotation;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.ClientRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code rotate token [client]}: the client picker, or the NinjaOne steps and the token form for one client. */
@Component
@Order(20)
class RotateTokenCommand implements Command {

    private final RotationStart start;
    private final ClientRegistry registry;

    RotateTokenCommand(RotationStart start, ClientRegistry registry) {
        this.start = start;
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.changing("rotate token", "rotate token [client]",
                "Puts a new NinjaOne SCIM token into the client's provisioning job, after approval.", "rotate");
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.hasArgs()) {
            return start.picker(request.user());
        }
        return registry.find(request.args())
                .map(c -> start.form(request.user(), request.conversation().conversationId(), c))
                .orElseGet(() -> Reply.text("No client matches `" + request.args().strip() + "`. `rotate token` without a "
                        + "name lists the registry."));
    }
}
