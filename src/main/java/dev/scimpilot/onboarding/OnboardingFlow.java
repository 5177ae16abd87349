package dev.scimpilot.onboarding;

import dev.scimpilot.cards.ErrorCard;
import dev.scimpilot.cards.SwitchKeysCard;
import dev.scimpilot.chat.BackgroundWork;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.consent.AdminConsent;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.runs.Runbooks;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * From a submitted form to a plan: preflight in the background (it reads the whole tenant), the report
 * posted to the conversation, then either the Switch-key choice (when users have companyName variants)
 * or straight to the plan card, which the run engine posts.
 */
@Component
class OnboardingFlow {

    private final ObjectProvider<Preflight> preflight;
    private final Runbooks runbooks;
    private final RunService runs;
    private final OnboardingDrafts drafts;
    private final PendingInteractions pending;
    private final ProactiveMessenger messenger;
    private final BackgroundWork background;
    private final AdminConsent consent;

    OnboardingFlow(ObjectProvider<Preflight> preflight, Runbooks runbooks, RunService runs,
            OnboardingDrafts drafts, PendingInteractions pending, ProactiveMessenger messenger, BackgroundWork background,
            AdminConsent consent) {
        this.preflight = preflight;
        this.runbooks = runbooks;
        this.runs = runs;
        this.drafts = drafts;
        this.pending = pending;
        this.messenger = messenger;
        this.background = background;
        this.consent = consent;
    }

    void preflight(OnboardingDraft draft) {
        drafts.save(draft);
        background.submit("preflight of " + draft.parameters().clientName(), () -> runPreflight(draft),
                e -> messenger.send(draft.conversationId(), Reply.card("error", new ErrorCard("Preflight failed",
                        "I could not finish checking " + draft.parameters().clientName() + ": " + Failures.describe(e),
                        "Nothing was changed. " + consent.hintFor(e, draft.parameters().tenantId())
                                .orElse("Check the tenant's admin consent (`consent link`) and try `onboard client` again."),
                        draft.draftId()))).join());
    }

    private void runPreflight(OnboardingDraft draft) {
        OnboardingParameters p = draft.parameters();
        PreflightResult result = preflight.getObject().check(p);
        messenger.send(draft.conversationId(), Reply.card("preflight-report", result.report())).join();
        if (!result.canProceed()) {
            pending.clearIf(draft.conversationId(), draft.draftId() + "/preflight");
            drafts.delete(draft.draftId());
            return;
        }
        OnboardingParameters withCanary = p.withCanary(result.canaryUserId());
        OnboardingDraft ready = new OnboardingDraft(draft.draftId(), draft.conversationId(), draft.requesterId(),
                draft.requesterName(), withCanary, result.companyNameVariants());
        if (result.companyNameVariants().isEmpty()) {
            plan(ready, List.of());
            return;
        }
        drafts.save(ready);
        List<SwitchKeysCard.Variant> variants = new ArrayList<>();
        for (int i = 0; i < result.companyNameVariants().size(); i++) {
            variants.add(new SwitchKeysCard.Variant(Integer.toString(i), result.companyNameVariants().get(i), ""));
        }
        messenger.send(draft.conversationId(), Reply.card("switch-keys", new SwitchKeysCard(draft.draftId(), p.clientName(),
                p.ninjaOrganizationName() + " (" + p.ninjaOrganizationId() + ")", p.fallback(), variants))).join();
    }

    /** Plans the onboarding with the ticked variants as extra Switch keys; the run engine posts the plan card. */
    void plan(OnboardingDraft draft, List<String> extraCompanyNames) {
        OnboardingParameters p = draft.parameters();
        OnboardingParameters planned = p.withExtraCompanyNames(extraCompanyNames);
        drafts.delete(draft.draftId());
        pending.clearIf(draft.conversationId(), draft.draftId() + "/preflight");
        @SuppressWarnings("unchecked")
        Runbook<OnboardingParameters> chosen = (Runbook<OnboardingParameters>) runbooks.get(
                planned.setUpSso() ? OnboardingParameters.SSO_RUN_KIND : OnboardingParameters.RUN_KIND);
        runs.plan(chosen, planned, new ChatUser(null, draft.requesterId(), draft.requesterName()), draft.conversationId());
    }
}
