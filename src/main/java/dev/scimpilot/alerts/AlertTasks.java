package dev.scimpilot.alerts;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The unprompted jobs on the application's db-scheduler (one execution across all replicas): the daily expiry
 * scan at {@code scimpilot.reminders.daily-at} (and the fleet digest if {@code scimpilot.health.daily-digest}), the watchdog every {@code watchdog-interval}, and one round of
 * both shortly after startup (scheduled only if not already pending, so N replicas starting together schedule one).
 * Posting is exactly-once regardless, through the claims in {@link ExpiryReminders} and {@link ProvisioningWatchdog}.
 */
@Configuration(proxyBeanMethods = false)
class AlertTasks {

    static final String STARTUP = "alerts-startup";

    @Bean
    RecurringTask<Void> expiryScanTask(ExpiryReminders reminders, FleetDigest digest, AlertProperties properties) {
        return Tasks.recurring("expiry-scan", Schedules.daily(properties.timeZone(), properties.dailyAt()))
                .execute((instance, context) -> {
                    reminders.scan();
                    digest.postIfDue(); // only in the daily run: the startup round is no reason for a second digest
                });
    }

    @Bean
    RecurringTask<Void> provisioningWatchdogTask(ProvisioningWatchdog watchdog, AlertProperties properties) {
        return Tasks.recurring("provisioning-watchdog", FixedDelay.of(properties.watchdogInterval()))
                .execute((instance, context) -> watchdog.checkAll());
    }

    @Bean
    OneTimeTask<Void> alertsStartupTask(ExpiryReminders reminders, ProvisioningWatchdog watchdog) {
        return Tasks.oneTime(STARTUP).execute((instance, context) -> {
            reminders.scan();
            watchdog.checkAll();
        });
    }

    /** One round soon after {@code alerts here}: what could not be posted for lack of a conversation goes out now. */
    @Bean
    AlertRound alertRound(SchedulerClient scheduler, @org.springframework.context.annotation.Lazy OneTimeTask<Void> alertsStartupTask,
            Clock clock) {
        return () -> scheduler.scheduleIfNotExists(alertsStartupTask.instance("after-alerts-here"), clock.instant());
    }

    /** Asks for one reminder and watchdog round now (on whichever replica picks it up). */
    interface AlertRound {
        void soon();
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleStartupRound(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        @SuppressWarnings("unchecked")
        OneTimeTask<Void> task = context.getBean("alertsStartupTask", OneTimeTask.class);
        AlertProperties properties = context.getBean(AlertProperties.class);
        Clock clock = context.getBean(Clock.class);
        context.getBean(SchedulerClient.class).scheduleIfNotExists(task.instance("startup"),
                clock.instant().plus(properties.startupDelay()));
    }
}
