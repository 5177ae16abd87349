package dev.scimpilot.onboarding;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.RunStatus;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code onboard.checklist}: stores which Intune items are done, with who saved it, and refreshes the card. */
@Component
class ChecklistSaved implements CardAction<ChecklistUpdate> {

    private static final Set<String> KEYS = IntuneChecklist.ITEMS.stream().map(i -> i.key()).collect(Collectors.toSet());

    private final AccessPolicy access;
    private final RunRepository runs;
    private final RunService service;

    ChecklistSaved(AccessPolicy access, RunRepository runs, RunService service) {
        this.access = access;
        this.runs = runs;
        this.service = service;
    }

    @Override
    public String verb() {
        return "onboard.checklist";
    }

    @Override
    public Class<ChecklistUpdate> dataType() {
        return ChecklistUpdate.class;
    }

    @Override
    public CardReply handle(CardActionRequest<ChecklistUpdate> request) {
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return CardReply.message(Reply.text(refusal.get()));
        }
        Run run = runs.find(request.data().runId())
                .filter(r -> OnboardingParameters.isOnboarding(r.kind()) && r.status() == RunStatus.SUCCEEDED)
                .orElse(null);
        if (run == null) {
            return CardReply.message(Reply.text("That checklist belongs to no finished onboarding. Nothing was saved."));
        }
        String done = request.data().done() == null ? "" : request.data().done();
        if (!Arrays.stream(done.split(",")).filter(k -> !k.isBlank()).allMatch(KEYS::contains)) {
            return CardReply.message(Reply.text("That item is not on the checklist. Nothing was saved."));
        }
        Run saved = service.recordFacts(run.id(), Map.of(IntuneChecklist.DONE, done, IntuneChecklist.BY, request.user().displayName()));
        return CardReply.replaceWith("intune-checklist", IntuneChecklist.card(saved, run.clientName()));
    }
}
