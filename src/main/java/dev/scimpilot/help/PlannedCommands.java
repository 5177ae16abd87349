package dev.scimpilot.help;

import dev.scimpilot.chat.Command;
import dev.scimpilot.chat.CommandRequest;
import dev.scimpilot.chat.CommandSpec;
import dev.scimpilot.chat.Reply;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Commands whose capability has not landed yet. They are declared (so help, the manifest and the
 * router know them) and answer honestly that they are not available. Each bean goes away when its
 * real command class lands.
 */
@Configuration(proxyBeanMethods = false)
class PlannedCommands {

    @Bean
    @Order(30)
    Command checkProvisioningCommand() {
        return planned(CommandSpec.of("check provisioning", "check provisioning [client|all]",
                "Checks provisioning health for one client or the whole fleet (read-only).", "check"));
    }

    /** Card data of the registry cards' "Check health" button. */
    record ClientButton(@jakarta.validation.constraints.NotBlank String clientId) {}

    @Bean
    dev.scimpilot.chat.CardAction<ClientButton> checkHealthButton() {
        return plannedButton("health.check", "check provisioning");
    }

    /** Buttons on cards that already exist (client detail) for capabilities that have not landed: say so. */
    private static dev.scimpilot.chat.CardAction<ClientButton> plannedButton(String verb, String command) {
        return new dev.scimpilot.chat.CardAction<>() {
            public String verb() {
                return verb;
            }

            public Class<ClientButton> dataType() {
                return ClientButton.class;
            }

            public dev.scimpilot.chat.CardReply handle(dev.scimpilot.chat.CardActionRequest<ClientButton> request) {
                return dev.scimpilot.chat.CardReply.message(Reply.text("`" + command
                        + "` is not yet available in this version of SCIM Pilot. Nothing was changed."));
            }
        };
    }

    private static Command planned(CommandSpec spec) {
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(CommandRequest request) {
                return Reply.text("`" + spec.name() + "` is not yet available in this version of SCIM Pilot. "
                        + "Type `help` to see what I can do today.");
            }
        };
    }
}
