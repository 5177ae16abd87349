package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.StepState;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code run.resume}: "Done in NinjaOne, continue" on the progress card of a waiting run. Answers the waiting human
 * step when it asks for nothing to be typed; otherwise points to the step's own card, where the inputs are.
 */
@Component
class ResumeRunAction implements CardAction<RunDecision> {

    private final RunRepository runs;
    private final RunService service;

    ResumeRunAction(RunRepository runs, RunService service) {
        this.runs = runs;
        this.service = service;
    }

    @Override
    public String verb() {
        return "run.resume";
    }

    @Override
    public Class<RunDecision> dataType() {
        return RunDecision.class;
    }

    @Override
    public CardReply handle(CardActionRequest<RunDecision> request) {
        Run run = runs.find(request.data().runId()).orElse(null);
        if (run == null) {
            return CardReply.message(Reply.text("I cannot find that run. Nothing was changed."));
        }
        var waiting = run.steps().stream().filter(s -> s.state() == StepState.WAITING).findFirst();
        if (waiting.isPresent() && service.humanTask(run, waiting.get().index()).map(t -> !t.inputs().isEmpty()).orElse(false)) {
            return CardReply.message(Reply.text(waiting.get().title() + " needs values from NinjaOne: enter them on the card "
                    + "\"Your turn · " + waiting.get().title() + "\". Nothing was changed."));
        }
        int step = waiting.map(s -> s.index() + 1).orElse(Integer.MAX_VALUE);
        return CardReply.message(Reply.text(service.answer(run.id(), request.data().planVersion(), step, request.user(),
                List.of(), null).message()));
    }
}
