package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunService;
import org.springframework.stereotype.Component;

/** {@code run.approve}: the approver's click. RunService checks role, four-eyes, state, version and expiry. */
@Component
class ApproveRunAction implements CardAction<RunDecision> {

    private final RunService runs;
    private final RunCards cards;

    ApproveRunAction(RunService runs, RunCards cards) {
        this.runs = runs;
        this.cards = cards;
    }

    @Override
    public String verb() {
        return "run.approve";
    }

    @Override
    public Class<RunDecision> dataType() {
        return RunDecision.class;
    }

    @Override
    public CardReply handle(CardActionRequest<RunDecision> request) {
        RunService.Outcome outcome = runs.approve(request.data().runId(), request.data().planVersion(), request.user());
        return Decisions.answer(outcome, cards);
    }
}
