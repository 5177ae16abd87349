package dev.scimpilot.clients;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.chat.Reply;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The forget card's buttons: {@code client.forget} (approvers only, checked again on the click) and {@code client.keep}. */
@Configuration(proxyBeanMethods = false)
class ForgetClientActions {

    record ClientRef(@NotBlank @Size(max = 64) String clientId) {}

    static String refusal(ChatUser user) {
        return "Only approvers may remove a client from the registry. Your Entra object id ("
                + (user == null || user.aadObjectId() == null ? "unknown" : user.aadObjectId()) + ") is not in scimpilot.access.approvers.";
    }

    @Bean
    CardAction<ClientRef> forgetClientAction(AccessPolicy access, ClientRegistry registry, AuditLog audit) {
        return new CardAction<>() {
            public String verb() {
                return "client.forget";
            }

            public Class<ClientRef> dataType() {
                return ClientRef.class;
            }

            public CardReply handle(CardActionRequest<ClientRef> request) {
                if (!access.isApprover(request.user())) {
                    audit.record(request.user().aadObjectId(), request.user().displayName(), "command.refused", null, null,
                            "client.forget by a non-approver");
                    return CardReply.message(Reply.text(refusal(request.user())));
                }
                var client = registry.byId(request.data().clientId());
                if (client.isEmpty()) {
                    return CardReply.replaceWith("notice", NoticeCard.of("Already forgotten",
                            "That client is no longer in the registry. Nothing was changed.", ""));
                }
                Client c = client.get();
                registry.delete(c.id());
                audit.record(request.user().aadObjectId(), request.user().displayName(), "client.forgotten", null, c.name(),
                        "removed from the registry (tenant " + c.tenantId() + ", NinjaOne org " + c.ninjaOrgId() + ", domain "
                                + c.emailDomain() + "); nothing in the tenant was changed");
                return CardReply.replaceWith("notice", NoticeCard.of(c.name() + " is forgotten",
                        request.user().displayName() + " removed " + c.name() + " from the registry. Nothing in its tenant or in "
                                + "NinjaOne changed; its SCIM token stays in the vault.",
                        "`register client " + c.name() + "` adopts it again."));
            }
        };
    }

    @Bean
    CardAction<ClientRef> keepClientAction() {
        return new CardAction<>() {
            public String verb() {
                return "client.keep";
            }

            public Class<ClientRef> dataType() {
                return ClientRef.class;
            }

            public CardReply handle(CardActionRequest<ClientRef> request) {
                return CardReply.replaceWith("notice", NoticeCard.of("Kept", "The client stays in the registry.", ""));
            }
        };
    }
}
