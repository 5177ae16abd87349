package dev.scimpilot.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.scimpilot.runs.RunProperties;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler for the application, on the application database: every replica polls the same
 * table and each task execution is picked by exactly one of them. Tasks are beans; the scheduler
 * starts when the application is ready (after Flyway created its table) and stops on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, RunProperties properties) {
        List<Task<?>> oneTime = tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList();
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(10))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .threads(4)
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}
