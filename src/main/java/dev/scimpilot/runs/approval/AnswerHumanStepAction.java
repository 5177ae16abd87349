package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code run.answer}: a person answers the human step a run waits at. RunService re-checks who clicked, the run's
 * state, plan version and step, and the inputs. Accepted: the card is replaced by its read-only "done" version
 * (so a secret input leaves the chat) and the run resumes. Refused: the same card comes back with the reason and
 * what was typed, never the secret.
 */
@Component
class AnswerHumanStepAction implements CardAction<HumanStepAnswer> {

    private final RunService runs;
    private final RunCards cards;

    AnswerHumanStepAction(RunService runs, RunCards cards) {
        this.runs = runs;
        this.cards = cards;
    }

    @Override
    public String verb() {
        return "run.answer";
    }

    @Override
    public Class<HumanStepAnswer> dataType() {
        return HumanStepAnswer.class;
    }

    @Override
    public CardReply handle(CardActionRequest<HumanStepAnswer> request) {
        HumanStepAnswer a = request.data();
        var mayNot = runs.whyNotAnswererOf(a.runId(), request.user());
        if (mayNot.isPresent()) {
            return CardReply.message(Reply.text(mayNot.get())); // the card stays as it is for the people who may answer
        }
        RunService.Outcome outcome = runs.answer(a.runId(), a.planVersion(), a.step(), request.user(), a.texts(), a.secret());
        Run run = outcome.run();
        if (run == null) {
            return CardReply.message(Reply.text(outcome.message()));
        }
        Optional<Run.Step> step = run.steps().stream().filter(s -> s.index() == a.step() - 1).findFirst();
        List<String> typed = outcome.done() ? List.of() : a.texts();
        return step.flatMap(s -> cards.human(run, s, outcome.done() ? "" : outcome.message(), typed))
                .map(card -> CardReply.replaceWith("human-step", card).andThen(Reply.text(outcome.message())))
                .orElseGet(() -> CardReply.message(Reply.text(outcome.message())));
    }
}
