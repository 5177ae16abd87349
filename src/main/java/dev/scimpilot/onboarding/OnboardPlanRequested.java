package dev.scimpilot.onboarding;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code onboard.plan}: the technician picked which companyName variants to map; plan the onboarding. */
@Component
class OnboardPlanRequested implements CardAction<OnboardPlanRequest> {

    private final AccessPolicy access;
    private final OnboardingDrafts drafts;
    private final OnboardingFlow flow;

    OnboardPlanRequested(AccessPolicy access, OnboardingDrafts drafts, OnboardingFlow flow) {
        this.access = access;
        this.drafts = drafts;
        this.flow = flow;
    }

    @Override
    public String verb() {
        return "onboard.plan";
    }

    @Override
    public Class<OnboardPlanRequest> dataType() {
        return OnboardPlanRequest.class;
    }

    @Override
    public CardReply handle(CardActionRequest<OnboardPlanRequest> request) {
        var refusal = access.whyNotTechnician(request.user());
        if (refusal.isPresent()) {
            return CardReply.message(Reply.text(refusal.get()));
        }
        var draft = drafts.find(request.data().draftId())
                .filter(d -> d.conversationId().equals(request.conversation().conversationId()));
        if (draft.isEmpty()) {
            return CardReply.replaceWith("notice", NoticeCard.of("This choice is closed",
                    "The onboarding was already planned or cancelled. Nothing was changed.", "See `runs`."));
        }
        List<String> chosen = new ArrayList<>();
        String keys = request.data().variants();
        if (keys != null && !keys.isBlank()) {
            for (String k : keys.split(",")) {
                int i = Integer.parseInt(k);
                if (i >= draft.get().variants().size()) {
                    return CardReply.message(Reply.text("That choice is not on the card. Nothing was changed."));
                }
                chosen.add(draft.get().variants().get(i));
            }
        }
        flow.plan(draft.get(), chosen);
        return CardReply.replaceWith("notice", new NoticeCard("Switch keys chosen",
                chosen.isEmpty() ? "No extra values: only \"" + draft.get().parameters().clientName() + "\" maps to the organization."
                        : "These values also map to the organization: " + String.join(", ", chosen.stream().map(v -> "\"" + v + "\"").toList()),
                List.of(), "The plan follows."));
    }
}
