package dev.scimpilot.rotation;

import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.ClientRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rotation's buttons: "Rotate token" on the client, reminder and picker cards ({@code token.rotate}, client id),
 * and the token form's Cancel ({@code token.cancel}, form id). Submit is {@link TokenFormSubmitted}.
 */
@Configuration(proxyBeanMethods = false)
class RotationCardActions {

    record ClientButton(@NotBlank @Size(max = 64) String clientId) {}

    record FormRef(@NotBlank @Size(max = 120) String draftId) {}

    @Bean
    CardAction<ClientButton> rotateTokenButton(RotationStart start, ClientRegistry registry) {
        return new CardAction<>() {
            public String verb() {
                return "token.rotate";
            }

            public Class<ClientButton> dataType() {
                return ClientButton.class;
            }

            public CardReply handle(CardActionRequest<ClientButton> request) {
                return registry.byId(request.data().clientId())
                        .map(c -> CardReply.message(start.form(request.user(), request.conversation().conversationId(), c)))
                        .orElseGet(() -> CardReply.message(Reply.text("That client is no longer in the registry.")));
            }
        };
    }

    @Bean
    CardAction<FormRef> cancelTokenForm(PendingInteractions pending) {
        return new CardAction<>() {
            public String verb() {
                return "token.cancel";
            }

            public Class<FormRef> dataType() {
                return FormRef.class;
            }

            public CardReply handle(CardActionRequest<FormRef> request) {
                pending.clearIf(request.conversation().conversationId(), request.data().draftId());
                return CardReply.replaceWith("notice", NoticeCard.of("Token rotation cancelled",
                        "Nothing was changed; the provisioning job keeps its current token.",
                        "Start again with `rotate token ‹client›`."));
            }
        };
    }
}
