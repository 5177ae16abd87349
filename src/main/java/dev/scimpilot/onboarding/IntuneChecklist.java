package dev.scimpilot.onboarding;

import dev.scimpilot.cards.IntuneChecklistCard;
import dev.scimpilot.chat.ProactiveMessenger;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunListener;
import dev.scimpilot.runs.RunStatus;
import dev.scimpilot.runs.Runbooks;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runbook step 9: once an onboarding of a client that uses Intune has succeeded, posts the Intune checklist
 * into the run's conversation (once: the card is keyed by run). What was ticked is stored with the run.
 */
@Component
class IntuneChecklist implements RunListener {

    static final List<IntuneChecklistCard.Item> ITEMS = List.of(
            new IntuneChecklistCard.Item("app", "Administration → Apps → Installed → Add app → Microsoft Intune → Enable"),
            new IntuneChecklistCard.Item("discovery", "Administration → Devices → Discovery → Intune device discovery → new discovery job"),
            new IntuneChecklistCard.Item("signin", "Sign in with Microsoft (admin account with Intune access); pick the client's organization and location"),
            new IntuneChecklistCard.Item("groups", "Select the relevant Entra device groups"),
            new IntuneChecklistCard.Item("run", "Run discovery and check that user-to-device assignments appear"));
    static final String DONE = "intune.done";
    static final String BY = "intune.by";

    private final ProactiveMessenger messenger;
    private final Runbooks runbooks;

    IntuneChecklist(ProactiveMessenger messenger, Runbooks runbooks) {
        this.messenger = messenger;
        this.runbooks = runbooks;
    }

    @Override
    public void runChanged(Run run) {
        if (run.status() != RunStatus.SUCCEEDED || !OnboardingParameters.isOnboarding(run.kind())) {
            return;
        }
        @SuppressWarnings("unchecked")
        var runbook = (dev.scimpilot.runs.Runbook<OnboardingParameters>) runbooks.get(run.kind());
        OnboardingParameters p = runbooks.parameters(run, runbook);
        if (p.usesIntune() && !run.facts().containsKey(DONE)) {
            messenger.send(run.conversationId(), new Reply.UpdateCard(key(run.id()), "intune-checklist", card(run, p.clientName()))).join();
        }
    }

    static IntuneChecklistCard card(Run run, String clientName) {
        String done = run.facts().getOrDefault(DONE, "");
        long count = Arrays.stream(done.split(",")).filter(k -> !k.isBlank()).count();
        return new IntuneChecklistCard(run.id(), clientName, (int) count, ITEMS.size(), done,
                run.facts().getOrDefault(BY, ""), ITEMS);
    }

    static String key(String runId) {
        return "run:" + runId + ":intune";
    }
}
