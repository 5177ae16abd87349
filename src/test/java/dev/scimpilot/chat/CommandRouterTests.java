package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRouterTests {

    private final Command onboard = command(CommandSpec.of("onboard client", "onboard client [name]", "…", "onboard"));
    private final Command check = command(CommandSpec.of("check provisioning", "check provisioning [client|all]", "…", "check"));
    private final Command clients = command(CommandSpec.of("clients", "clients", "…"));
    private final Command client = command(CommandSpec.of("client", "client <name>", "…"));
    private final Command help = command(CommandSpec.of("help", "help", "…", "?"));
    private final CommandRouter router = new CommandRouter(List.of(onboard, check, clients, client, help));

    @Test
    void keepsTheArgumentsAsTyped() {
        assertThat(router.route("onboard client Brennwald + Heilig AG"))
                .isEqualTo(new CommandRouter.Route.Matched(onboard, "Brennwald + Heilig AG"));
    }

    @Test
    void ignoresCaseExtraSpacesAndMentions() {
        assertThat(router.route("<at>SCIM Pilot</at>   Onboard   CLIENT   Brennwald "))
                .isEqualTo(new CommandRouter.Route.Matched(onboard, "Brennwald"));
        assertThat(router.route("<at>SCIM&nbsp;Pilot</at>&nbsp;help"))
                .isEqualTo(new CommandRouter.Route.Matched(help, ""));
    }

    @Test
    void aliasesWorkWithArguments() {
        assertThat(router.route("check all")).isEqualTo(new CommandRouter.Route.Matched(check, "all"));
        assertThat(router.route("onboard")).isEqualTo(new CommandRouter.Route.Matched(onboard, ""));
        assertThat(router.route("?")).isEqualTo(new CommandRouter.Route.Matched(help, ""));
    }

    @Test
    void matchesWholeWordsLongestFirst() {
        assertThat(router.route("clients")).isEqualTo(new CommandRouter.Route.Matched(clients, ""));
        assertThat(router.route("client Brennwald")).isEqualTo(new CommandRouter.Route.Matched(client, "Brennwald"));
        assertThat(router.route("check provisioning all")).isEqualTo(new CommandRouter.Route.Matched(check, "all"));
        assertThat(router.route("helpme")).isInstanceOf(CommandRouter.Route.Unknown.class);
    }

    @Test
    void decodesHtmlEntitiesTeamsSends() {
        assertThat(router.route("onboard client Brennwald &amp; Heilig AG"))
                .isEqualTo(new CommandRouter.Route.Matched(onboard, "Brennwald & Heilig AG"));
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        assertThat(router.route("chek provisioning all"))
                .isEqualTo(new CommandRouter.Route.Unknown("chek provisioning all", java.util.Optional.of("check provisioning")));
        assertThat(router.route("onbaord client x"))
                .isEqualTo(new CommandRouter.Route.Unknown("onbaord client x", java.util.Optional.of("onboard client")));
        assertThat(router.route("what is the weather")).isEqualTo(
                new CommandRouter.Route.Unknown("what is the weather", java.util.Optional.empty()));
    }

    @Test
    void duplicateNamesOrAliasesFailAtStartup() {
        Command other = command(CommandSpec.of("check", "check", "…"));
        assertThatThrownBy(() -> new CommandRouter(List.of(check, other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Duplicate command trigger 'check'");
    }

    private static Command command(CommandSpec spec) {
        return new Command() {
            public CommandSpec spec() {
                return spec;
            }

            public Reply handle(CommandRequest request) {
                return Reply.none();
            }

            public String toString() {
                return spec.name();
            }
        };
    }
}
