package dev.scimpilot.onboarding;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.entra.TenantResolutionException;
import dev.scimpilot.entra.TenantResolver;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOrganization;
import dev.scimpilot.scim.ScimEndpointProbe;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code onboard.submit}: checks the form (tenant from the domain, NinjaOne organization exists, SCIM URL
 * allowed, token accepted by NinjaOne) before anything else, puts the token in the vault, replaces the
 * form (so the token input leaves the chat) and starts preflight. Any problem: the form comes back with
 * what was typed, minus the token, and the reason.
 */
@Component
class OnboardFormSubmitted implements CardAction<OnboardFormSubmission> {

    private final AccessPolicy access;
    private final PendingInteractions pending;
    private final OnboardForms forms;
    private final TenantResolver tenants;
    private final NinjaOne ninjaOne;
    private final ScimEndpointProbe probe;
    private final SecretVault vault;
    private final OnboardingFlow flow;
    private final Clock clock;

    OnboardFormSubmitted(AccessPolicy access, PendingInteractions pending, OnboardForms forms, TenantResolver tenants,
            NinjaOne ninjaOne, ScimEndpointProbe probe, SecretVault vault, OnboardingFlow flow, Clock clock) {
        this.access = access;
        this.pending = pending;
        this.forms = forms;
        this.tenants = tenants;
        this.ninjaOne = ninjaOne;
        this.probe = probe;
        this.vault = vault;
        this.flow = flow;
        this.clock = clock;
    }

    @Override
    public String verb() {
        return "onboard.submit";
    }

    @Override
    public Class<OnboardFormSubmission> dataType() {
        return OnboardFormSubmission.class;
    }

    @Override
    public CardReply handle(CardActionRequest<OnboardFormSubmission> request) {
        OnboardFormSubmission form = request.data();
        String conversation = request.conversation().conversationId();
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return again(form, refusal.get());
        }
        if (!pending.isOpen(conversation, form.draftId())) {
            return CardReply.replaceWith("notice", NoticeCard.of("This form is closed",
                    "It was cancelled, already submitted, or replaced by a newer form. Nothing was changed.",
                    "Start again with `onboard client <name>`."));
        }
        String tenantId;
        try {
            tenantId = blank(form.tenantId()) ? tenants.tenantIdOf(form.emailDomain()) : form.tenantId().toLowerCase();
        } catch (TenantResolutionException e) {
            return again(form, e.getMessage() + " Enter the tenant ID from the Entra admin center → Overview.");
        }
        NinjaOrganization org;
        try {
            org = ninjaOne.organization(Long.parseLong(form.ninjaOrgId())).orElse(null);
        } catch (RuntimeException e) {
            return again(form, "I could not read NinjaOne organization " + form.ninjaOrgId() + " (" + e.getMessage() + ").");
        }
        if (org == null) {
            return again(form, "NinjaOne has no organization " + form.ninjaOrgId() + ". Choose one from the list.");
        }
        SecretRef token = null;
        if (!form.newSso()) {
            if (blank(form.scimUrl()) || form.scimToken() == null || form.scimToken().isBlank()) {
                return again(form, "Paste the SCIM endpoint URL and token from NinjaOne, or choose \"set up SSO first\" "
                        + "if NinjaOne has no identity provider for this client yet.");
            }
            ScimEndpointProbe.Result tested = probe.probe(form.scimUrl(), form.scimToken());
            if (!tested.ok()) {
                return again(form, tested.message());
            }
            if (!claim(conversation, form.draftId())) {
                return closedAfterDoubleClick();
            }
            var expires = clock.instant().atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
            token = vault.put(SecretVault.nameFor("scim", form.emailDomain()), form.scimToken(), expires);
        }
        if (form.newSso() && !claim(conversation, form.draftId())) {
            return closedAfterDoubleClick();
        }
        OnboardingParameters parameters = new OnboardingParameters(form.clientName().strip(), form.emailDomain().toLowerCase(),
                tenantId, org.id(), org.name(), "All".equals(form.fallback()) ? "All" : "", List.of(), form.groupName().strip(),
                form.mailExclusion(), form.upnExclusion(), OnboardingParameters.DEFAULT_APP_NAME,
                form.newSso() ? null : form.scimUrl().strip(), token, "true".equals(form.usesIntune()), null, form.newSso());
        OnboardingDraft draft = new OnboardingDraft(form.draftId(), conversation, request.user().aadObjectId(),
                request.user().displayName(), parameters, List.of());
        pending.start(conversation, draft.draftId() + "/preflight", "the onboarding of " + parameters.clientName());
        flow.preflight(draft);
        String vaultNote = vault.durable() ? "It is in the vault and will not be shown again."
                : "Local mode has no vault: it is kept in memory only, so a restart of the bot forgets it.";
        String tokenNote = form.newSso() ? "SAML SSO is set up first: after the approval the run pauses for you in NinjaOne "
                + "(identity provider, metadata import, then the SCIM token)."
                : "NinjaOne accepted the SCIM token. " + vaultNote;
        return CardReply.replaceWith("notice", new NoticeCard("Onboarding request received",
                request.user().displayName() + " asked to onboard " + parameters.clientName() + ". " + tokenNote,
                List.of(new NoticeCard.Fact("Email domain", parameters.emailDomain()),
                        new NoticeCard.Fact("Tenant", tenantId),
                        new NoticeCard.Fact("NinjaOne organization", org.name() + " (" + org.id() + ")")),
                "Checking the tenant now (read-only); the preflight report and the plan follow."));
    }

    /** True for exactly one of two simultaneous submits of the same form (see PendingInteractions#claim). */
    private boolean claim(String conversation, String draftId) {
        return pending.claim(conversation, draftId);
    }

    /** A second click raced past the open-form check: the first one goes on, this one changes nothing. */
    private static CardReply closedAfterDoubleClick() {
        return CardReply.replaceWith("notice", NoticeCard.of("This form is closed",
                "It was already submitted. Nothing else was checked or changed.", "See `runs`."));
    }

    private CardReply again(OnboardFormSubmission form, String problem) {
        return CardReply.replaceWith("onboard-form", forms.again(form, problem));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
