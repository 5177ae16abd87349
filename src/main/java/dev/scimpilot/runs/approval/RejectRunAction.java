package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.runs.RunService;
import org.springframework.stereotype.Component;

/** {@code run.reject}: an approver turns the plan down, with a reason the requester sees. */
@Component
class RejectRunAction implements CardAction<RejectDecision> {

    private final RunService runs;
    private final RunCards cards;

    RejectRunAction(RunService runs, RunCards cards) {
        this.runs = runs;
        this.cards = cards;
    }

    @Override
    public String verb() {
        return "run.reject";
    }

    @Override
    public Class<RejectDecision> dataType() {
        return RejectDecision.class;
    }

    @Override
    public CardReply handle(CardActionRequest<RejectDecision> request) {
        RejectDecision d = request.data();
        return Decisions.answer(runs.reject(d.runId(), d.planVersion(), request.user(), d.reason()), cards);
    }
}
