package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.chat.AppCredentialsSource;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.testing.TestAppCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The bot stops between two steps of an approved run and starts again on the same database: the run
 * finishes, and no step is applied twice.
 */
class RunRestartIT {

    static final WidgetRunbook.Tenant TENANT = new WidgetRunbook.Tenant();

    @Configuration(proxyBeanMethods = false)
    static class Widgets {
        @Bean
        WidgetRunbook widgetRunbook() {
            return new WidgetRunbook(TENANT);
        }

        @Bean
        @Primary
        AppCredentialsSource offlineAppCredentials() {
            return TestAppCredentials::new;
        }
    }

    @Test
    void approvedRunSurvivesARestartBetweenSteps() {
        String db = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext first = start(db);
        RunService service = first.getBean(RunService.class);
        Run run = service.plan(first.getBean(WidgetRunbook.class), new WidgetRunbook.Params("Restart AG", "teal"),
                new ChatUser("29:t", "tech-1", "Anna"), "conv-1");

        // Stop the bot as soon as step 1 has been applied, i.e. between step 1 and step 2.
        TENANT.afterApply = step -> {
            if (step.equals("create-widget")) {
                new Thread(first::close).start();
                sleep(1500); // the shutdown is under way before this step ends and schedules the next one
            }
        };
        service.approve(run.id(), 1, new ChatUser("29:b", "boss-1", "Bruno"));
        awaitClosed(first);
        TENANT.afterApply = step -> {};
        boolean paintedBeforeRestart = TENANT.applies("paint-widget") > 0;
        ConfigurableApplicationContext second = start(db);
        boolean paintedAfterRestart = !paintedBeforeRestart;
        try {
            RunRepository runs = second.getBean(RunRepository.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (runs.find(run.id()).orElseThrow().status() != RunStatus.SUCCEEDED && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            Run done = runs.find(run.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(TENANT.applies("create-widget")).isEqualTo(1);
            assertThat(TENANT.applies("paint-widget")).isEqualTo(1);
            assertThat(paintedAfterRestart).as("step 2 ran in the restarted bot").isTrue();
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(ScimPilotApplication.class, Widgets.class)
                .run("--server.port=0", "--spring.datasource.url=" + db,
                        "--scimpilot.access.technicians=tech-1", "--scimpilot.access.approvers=boss-1",
                        "--scimpilot.runs.polling-interval=PT0.2S");
    }

    private static void awaitClosed(ConfigurableApplicationContext context) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (context.isActive() && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        sleep(500);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
