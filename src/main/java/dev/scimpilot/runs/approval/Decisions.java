package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunService;

/** Turns a decision's outcome into the clicked card's replacement and a line in chat. */
final class Decisions {

    private Decisions() {}

    static CardReply answer(RunService.Outcome outcome, RunCards cards) {
        if (outcome.run() == null) {
            return CardReply.message(Reply.text(outcome.message()));
        }
        // Everyone sees the same, read-only card after a decision; refused clicks get the current card back.
        return CardReply.replaceWith("run-plan", cards.plan(outcome.run(), false)).andThen(Reply.text(outcome.message()));
    }
}
