package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.chat.AppCredentialsSource;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretVault;
import dev.scimpilot.testing.TestAppCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The bot stops while a run waits for a person at a human step and starts again on the same database: the run
 * still waits at the same step (nothing re-applied, nothing skipped), the answer is taken after the restart, and
 * the run finishes with every step applied once.
 */
class HumanStepRestartIT {

    static final HandoverRunbook.Tenant TENANT = new HandoverRunbook.Tenant();
    static final ChatUser ANNA = new ChatUser("29:t", "tech-1", "Anna");

    @Configuration(proxyBeanMethods = false)
    static class Handover {
        @Bean
        HandoverRunbook handoverRunbook(SecretVault vault) {
            return new HandoverRunbook(TENANT, vault);
        }

        @Bean
        @Primary
        AppCredentialsSource offlineAppCredentials() {
            return TestAppCredentials::new;
        }
    }

    @Test
    void waitingRunSurvivesARestartAndResumesOnTheAnswer() {
        String db = "jdbc:h2:mem:human-restart-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext first = start(db);
        String runId;
        try {
            RunService service = first.getBean(RunService.class);
            Run run = service.plan(first.getBean(HandoverRunbook.class), new HandoverRunbook.Params("Restart AG"), ANNA, "conv-1");
            runId = run.id();
            service.approve(runId, 1, new ChatUser("29:b", "boss-1", "Bruno"));
            await(first, runId, r -> r.status() == RunStatus.WAITING);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start(db);
        try {
            RunRepository runs = second.getBean(RunRepository.class);
            sleep(1500); // the restarted bot's scheduler and recovery sweep have run
            Run after = runs.find(runId).orElseThrow();
            assertThat(after.status()).isEqualTo(RunStatus.WAITING);
            assertThat(after.steps()).extracting(Run.Step::state)
                    .containsExactly(StepState.DONE, StepState.WAITING, StepState.PENDING);
            assertThat(after.facts()).containsEntry("widgetId", "w-restart-ag");
            assertThat(runs.waitingSince(runId)).isPresent();
            assertThat(TENANT.applies("create-widget")).isEqualTo(1);
            assertThat(TENANT.applies("paint-widget")).isZero();

            var outcome = second.getBean(RunService.class).answer(runId, 1, 2, ANNA, List.of("blue"),
                    Secret.of("restart-key-0123456789abcdef"));
            assertThat(outcome.done()).as(outcome.message()).isTrue();
            Run done = await(second, runId, r -> r.status() == RunStatus.SUCCEEDED);
            assertThat(done.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.DONE, StepState.DONE);
            assertThat(TENANT.applies("create-widget")).isEqualTo(1);
            assertThat(TENANT.applies("paint-widget")).isEqualTo(1);
            assertThat(TENANT.colours).containsEntry("w-restart-ag", "blue");
        } finally {
            second.close();
        }
    }

    private static Run await(ConfigurableApplicationContext context, String runId, Predicate<Run> condition) {
        RunRepository runs = context.getBean(RunRepository.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run) && Instant.now().isBefore(deadline)) {
            sleep(100);
            run = runs.find(runId).orElseThrow();
        }
        assertThat(condition.test(run)).as("run is " + run.status() + " " + run.steps()).isTrue();
        return run;
    }

    private static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(ScimPilotApplication.class, Handover.class)
                .run("--server.port=0", "--spring.datasource.url=" + db,
                        "--scimpilot.access.technicians=tech-1", "--scimpilot.access.approvers=boss-1",
                        "--scimpilot.runs.polling-interval=PT0.2S");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
