package dev.scimpilot.runs.approval;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import org.springframework.stereotype.Component;

/**
 * {@code run.refresh}: Teams asks for the plan card as the viewing user should see it. Approvers who may
 * decide get Approve and Reject; everyone else, including the requester under four-eyes, the read-only card.
 */
@Component
class RefreshRunAction implements CardAction<RunDecision> {

    private final RunRepository runs;
    private final RunCards cards;
    private final AccessPolicy access;

    RefreshRunAction(RunRepository runs, RunCards cards, AccessPolicy access) {
        this.runs = runs;
        this.cards = cards;
        this.access = access;
    }

    @Override
    public String verb() {
        return "run.refresh";
    }

    @Override
    public Class<RunDecision> dataType() {
        return RunDecision.class;
    }

    @Override
    public CardReply handle(CardActionRequest<RunDecision> request) {
        Run run = runs.find(request.data().runId())
                .orElseThrow(() -> new dev.scimpilot.chat.CardActionRouter.BadCardAction("I cannot find that run."));
        boolean mayDecide = access.whyNotApprover(request.user(), run.requester().id()).isEmpty();
        return CardReply.replaceWith("run-plan", cards.plan(run, mayDecide));
    }
}
