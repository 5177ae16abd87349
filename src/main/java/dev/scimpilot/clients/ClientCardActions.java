package dev.scimpilot.clients;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry cards' buttons: a row opens the client ({@code client.show}), the pager turns pages ({@code client.page}). */
@Configuration(proxyBeanMethods = false)
class ClientCardActions {

    record ClientRef(@NotBlank String clientId) {}

    record PageRef(@Positive int page) {}

    @Bean
    CardAction<ClientRef> showClientAction(ClientRegistry registry, ClientDetails details) {
        return new CardAction<>() {
            public String verb() {
                return "client.show";
            }

            public Class<ClientRef> dataType() {
                return ClientRef.class;
            }

            public CardReply handle(CardActionRequest<ClientRef> request) {
                return registry.byId(request.data().clientId())
                        .map(c -> CardReply.message(Reply.card("client-detail", details.card(c))))
                        .orElseGet(() -> CardReply.message(Reply.text("That client is no longer in the registry.")));
            }
        };
    }

    @Bean
    CardAction<PageRef> clientPageAction(ClientRegistry registry, LastChecks checks, Clock clock) {
        return new CardAction<>() {
            public String verb() {
                return "client.page";
            }

            public Class<PageRef> dataType() {
                return PageRef.class;
            }

            public CardReply handle(CardActionRequest<PageRef> request) {
                return ClientsCommand.page(registry, checks, clock, request.data().page())
                        .map(card -> CardReply.replaceWith("client-list", card))
                        .orElseGet(() -> CardReply.message(Reply.text("The registry is empty.")));
            }
        };
    }
}
