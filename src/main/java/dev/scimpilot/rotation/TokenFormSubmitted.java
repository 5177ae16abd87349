package dev.scimpilot.rotation;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.ErrorCard;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.BackgroundWork;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.scim.ScimEndpointProbe;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code token.submit}: the new token is tested against the client's NinjaOne SCIM endpoint (allow-listed https host)
 * before anything else. Accepted: it goes to the vault as a new version of the client's secret (the only place it may
 * wait for the approval), the form is replaced (the token input leaves the chat) and the rotation is planned; the run
 * engine posts the plan card. Refused: the form comes back with the URL as typed, never the token, and the reason.
 */
@Component
class TokenFormSubmitted implements CardAction<TokenFormSubmission> {

    private final AccessPolicy access;
    private final PendingInteractions pending;
    private final ClientRegistry registry;
    private final RotationForms forms;
    private final ScimEndpointProbe probe;
    private final SecretVault vault;
    private final RotateTokenRunbook runbook;
    private final RunService runs;
    private final BackgroundWork background;
    private final ProactiveMessenger messenger;
    private final Clock clock;

    TokenFormSubmitted(AccessPolicy access, PendingInteractions pending, ClientRegistry registry, RotationForms forms,
            ScimEndpointProbe probe, SecretVault vault, RotateTokenRunbook runbook, RunService runs, BackgroundWork background,
            ProactiveMessenger messenger, Clock clock) {
        this.access = access;
        this.pending = pending;
        this.registry = registry;
        this.forms = forms;
        this.probe = probe;
        this.vault = vault;
        this.runbook = runbook;
        this.runs = runs;
        this.background = background;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public String verb() {
        return "token.submit";
    }

    @Override
    public Class<TokenFormSubmission> dataType() {
        return TokenFormSubmission.class;
    }

    @Override
    public CardReply handle(CardActionRequest<TokenFormSubmission> request) {
        TokenFormSubmission form = request.data();
        String conversation = request.conversation().conversationId();
        Client client = RotationForms.clientIdOf(form.draftId()).flatMap(registry::byId).orElse(null);
        if (!pending.isOpen(conversation, form.draftId()) || client == null) {
            return CardReply.replaceWith("notice", NoticeCard.of("This form is closed",
                    "It was cancelled, already submitted, or replaced by a newer form. Nothing was changed.",
                    "Start again with `rotate token ‹client›`."));
        }
        String url = form.scimEndpoint().strip();
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return again(form, client, url, refusal.get());
        }
        ScimEndpointProbe.Result tested = probe.probe(url, form.scimToken());
        if (!tested.ok()) {
            return again(form, client, url, tested.message() + " Nothing was planned or changed; the job keeps its current token.");
        }
        if (!pending.claim(conversation, form.draftId())) { // used up: a second click or a replay finds it closed
            return CardReply.replaceWith("notice", NoticeCard.of("This form is closed",
                    "It was already submitted. Nothing else was planned.", "See `runs`."));
        }
        SecretRef token = vault.put(SecretVault.nameFor("scim", client.emailDomain()), form.scimToken(),
                RecordRotationStep.expiryFrom(clock.instant()));
        RotationParameters parameters = new RotationParameters(client.id(), client.name(), client.emailDomain(),
                client.tenantId(), client.ninjaOrgId(), client.servicePrincipalId(), client.jobId(), client.groupId(), url, token);
        ChatUser requester = request.user();
        // planning reads the tenant and NinjaOne: off the request thread; the engine posts the plan card
        background.submit("rotation plan for " + client.name(), () -> runs.plan(runbook, parameters, requester, conversation),
                e -> messenger.send(conversation, Reply.card("error", new ErrorCard("Planning the rotation failed",
                        "I could not plan the token rotation for " + client.name() + ": " + Failures.describe(e),
                        "Nothing was changed in the tenant. Try `rotate token " + client.name() + "` again.", form.draftId())))
                        .join());
        String vaultNote = vault.durable() ? "It is in the vault as a new version and will not be shown again."
                : "Local mode has no vault: it is kept in memory only, so a restart of the bot forgets it.";
        return CardReply.replaceWith("notice", new NoticeCard("Token rotation requested",
                request.user().displayName() + " asked to rotate the SCIM token of " + client.name() + ". NinjaOne accepted "
                        + "the new token. " + vaultNote,
                List.of(new NoticeCard.Fact("SCIM endpoint", url),
                        new NoticeCard.Fact("Provisioning job", client.jobId() == null ? "unknown" : client.jobId())),
                "The plan follows; an approver decides before anything changes in the tenant."));
    }

    private CardReply again(TokenFormSubmission form, Client client, String url, String problem) {
        return CardReply.replaceWith("token-form", forms.form(form.draftId(), client, url, problem));
    }
}
