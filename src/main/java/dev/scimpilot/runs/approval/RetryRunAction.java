package dev.scimpilot.runs.approval;

import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.Reply;
import dev.scimpilot.runs.RunService;
import org.springframework.stereotype.Component;

/** {@code run.retry} on a failed run's result card: resumes from the failed step. */
@Component
class RetryRunAction implements CardAction<RunRef> {

    private final RunService runs;

    RetryRunAction(RunService runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "run.retry";
    }

    @Override
    public Class<RunRef> dataType() {
        return RunRef.class;
    }

    @Override
    public CardReply handle(CardActionRequest<RunRef> request) {
        return CardReply.message(Reply.text(runs.retry(request.data().runId(), request.user()).message()));
    }
}
