package dev.scimpilot.health;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.ErrorCard;
import dev.scimpilot.chat.BackgroundWork;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.Runbook;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Buttons: {@code health.check} (client card, fleet rows) checks one client; {@code onboard.repair} (health card)
 * plans an onboarding re-run with the parameters approved at onboarding. The run engine plans every step read-only,
 * so the plan changes only what drifted (everything else is "already in place") and waits for an approver.
 */
@Configuration(proxyBeanMethods = false)
class HealthCardActions {

    /** Card data of both buttons: the client id only; everything else is looked up again. */
    record ClientButton(@NotBlank String clientId) {}

    @Bean
    CardAction<ClientButton> checkHealthButton(ClientRegistry registry, HealthChecks checks) {
        return new CardAction<>() {
            public String verb() {
                return "health.check";
            }

            public Class<ClientButton> dataType() {
                return ClientButton.class;
            }

            public CardReply handle(CardActionRequest<ClientButton> request) {
                return registry.byId(request.data().clientId()).map(c -> {
                    checks.client(c, request.conversation().conversationId());
                    return CardReply.message(Reply.text("Checking " + c.name() + "… (read-only)"));
                }).orElseGet(() -> CardReply.message(Reply.text("That client is no longer in the registry.")));
            }
        };
    }

    @Bean
    CardAction<ClientButton> repairButton(ClientRegistry registry, RecordedSetup recorded, AccessPolicy access,
            RunService runs, ObjectProvider<dev.scimpilot.onboarding.OnboardingRunbook> onboarding, BackgroundWork background,
            ProactiveMessenger messenger) {
        return new CardAction<>() {
            public String verb() {
                return "onboard.repair";
            }

            public Class<ClientButton> dataType() {
                return ClientButton.class;
            }

            public CardReply handle(CardActionRequest<ClientButton> request) {
                var refusal = access.whyNotTechnician(request.user());
                if (refusal.isPresent()) {
                    return CardReply.message(Reply.text(refusal.get()));
                }
                var client = registry.byId(request.data().clientId());
                if (client.isEmpty()) {
                    return CardReply.message(Reply.text("That client is no longer in the registry. Nothing was changed."));
                }
                String conversation = request.conversation().conversationId();
                OnboardingParameters p = recorded.of(client.get());
                background.submit("repair plan for " + client.get().name(),
                        () -> runs.plan(onboarding.getObject(), p, request.user(), conversation),
                        e -> messenger.send(conversation, Reply.card("error", new ErrorCard("Repair not planned",
                                "I could not plan the repair of " + client.get().name() + ": " + Failures.describe(e),
                                "Nothing was changed.", ""))).join());
                return CardReply.message(Reply.text("Planning a repair of " + client.get().name() + " with the settings "
                        + "approved at onboarding: the plan shows what drifted and waits for an approver. Nothing changes before."));
            }
        };
    }
}
