package dev.scimpilot.runs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules the next step of a run as a durable task. The task instance id names the run, its plan
 * version, the step and the attempt, so asking twice (a double click, a recovery sweep, a second replica)
 * schedules once, while a re-approved plan never collides with the task that stopped for it.
 */
@Component
public class RunScheduler {

    static final TaskDescriptor<String> ADVANCE = TaskDescriptor.of("run-advance", String.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final RunRepository runs;

    RunScheduler(ObjectProvider<Scheduler> scheduler, RunRepository runs) {
        this.scheduler = scheduler;
        this.runs = runs;
    }

    /** Schedules the run's next pending step, if it has one and nobody scheduled it yet. */
    public void scheduleNext(String runId, Instant when) {
        Run run = runs.find(runId).orElseThrow();
        String instance = run.steps().stream()
                .filter(s -> s.state() == StepState.PENDING)
                .findFirst()
                .map(s -> runId + "/v" + run.planVersion() + "/" + s.index() + "/" + s.attempts())
                .orElse(runId + "/finish");
        scheduler.getObject().scheduleIfNotExists(ADVANCE.instance(instance).data(runId).scheduledTo(when));
    }
}
