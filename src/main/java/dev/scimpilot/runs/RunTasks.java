package dev.scimpilot.runs;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The durable tasks of the run engine: advance a run by one step, and expire plans nobody decided on.
 * On startup it re-schedules runs that were between two steps when the bot stopped.
 */
@Configuration(proxyBeanMethods = false)
class RunTasks {

    private static final Logger log = LoggerFactory.getLogger(RunTasks.class);

    @Bean
    Task<String> runAdvanceTask(RunExecutor executor) {
        return Tasks.oneTime(RunScheduler.ADVANCE).execute((instance, context) -> executor.advance(instance.getData()));
    }

    @Bean
    Task<Void> expireApprovalsTask(RunRepository runs, RunListeners listeners, Clock clock) {
        return Tasks.recurring("expire-approvals", FixedDelay.of(Duration.ofMinutes(1))).execute((instance, context) -> {
            Instant now = clock.instant();
            for (String id : runs.idsInStatus(RunStatus.AWAITING_APPROVAL, RunStatus.PLANNED)) {
                runs.find(id).filter(r -> r.approvalExpiresAt() != null && !r.approvalExpiresAt().isAfter(now))
                        .filter(r -> runs.transition(id, List.of(RunStatus.AWAITING_APPROVAL, RunStatus.PLANNED), RunStatus.EXPIRED, now))
                        .ifPresent(r -> {
                            runs.finish(id, RunStatus.EXPIRED, "nobody decided before " + r.approvalExpiresAt(), now);
                            runs.find(id).ifPresent(listeners::runChanged);
                        });
            }
        });
    }

    /** Reminds the requester of a run that waits for a person (a human step) longer than remind-waiting-after. */
    @Bean
    Task<Void> remindWaitingRunsTask(RunRepository runs, RunListeners listeners, RunProperties properties, Clock clock) {
        return Tasks.recurring("remind-waiting-runs", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> remindWaiting(runs, listeners, properties, clock));
    }

    static void remindWaiting(RunRepository runs, RunListeners listeners, RunProperties properties, Clock clock) {
        Instant now = clock.instant();
        Instant before = now.minus(properties.remindWaitingAfter());
        for (String id : runs.idsWaitingUnremindedSince(before)) {
            if (!runs.markReminded(id, before, now)) {
                continue; // another replica reminded, or the run moved on
            }
            runs.find(id).ifPresent(run -> run.steps().stream().filter(s -> s.state() == StepState.WAITING).findFirst()
                    .ifPresent(step -> listeners.runStillWaiting(run, step)));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns(ApplicationReadyEvent event) {
        RunRepository runs = event.getApplicationContext().getBean(RunRepository.class);
        RunScheduler scheduler = event.getApplicationContext().getBean(RunScheduler.class);
        Clock clock = event.getApplicationContext().getBean(Clock.class);
        for (String id : runs.idsInStatus(RunStatus.APPROVED, RunStatus.RUNNING)) {
            boolean stepInFlight = runs.find(id).map(r -> r.steps().stream().anyMatch(s -> s.state() == StepState.RUNNING)).orElse(true);
            if (!stepInFlight) { // a step in flight belongs to its task, which db-scheduler revives if its node died
                log.info("resuming run {} after a restart", id);
                scheduler.scheduleNext(id, clock.instant());
            }
        }
    }
}
