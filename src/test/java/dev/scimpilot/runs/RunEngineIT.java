package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.testing.BotIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The run engine on the real scheduler and database: approvals, one execution, idempotent re-runs, drift, retry. */
@BotIntegrationTest
@Import(RunEngineIT.Config.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=tech-1,tech-2",
        "scimpilot.access.approvers=boss-1,boss-2,tech-2",
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S"})
class RunEngineIT {

    static final ChatUser TECH = new ChatUser("29:t", "tech-1", "Anna Technician");
    static final ChatUser TECH_APPROVER = new ChatUser("29:t2", "tech-2", "Chiara Technician");
    static final ChatUser BOSS = new ChatUser("29:b", "boss-1", "Bruno Approver");
    static final ChatUser BOSS2 = new ChatUser("29:b2", "boss-2", "Elena Lead");

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        WidgetRunbook.Tenant tenant() {
            return new WidgetRunbook.Tenant();
        }

        @Bean
        WidgetRunbook widgetRunbook(WidgetRunbook.Tenant tenant) {
            return new WidgetRunbook(tenant);
        }
    }

    @Autowired RunService service;
    @Autowired RunRepository runs;
    @Autowired WidgetRunbook runbook;
    @Autowired WidgetRunbook.Tenant tenant;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void reset() {
        tenant.reset();
    }

    @Test
    void approvedRunAppliesEveryStepOnceAndSucceeds() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Brennwald", "blue"), TECH, "conv-1");
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(run.steps()).extracting(Run.Step::planKind).containsExactly("CREATE", "CHANGE");
        assertThat(tenant.applies("create-widget")).isZero();

        var outcome = service.approve(run.id(), 1, BOSS);

        assertThat(outcome.done()).isTrue();
        Run done = await(run.id(), r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(done.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.DONE);
        assertThat(done.steps().get(0).result()).isEqualTo("created widget w-brennwald");
        assertThat(done.approver().name()).isEqualTo("Bruno Approver");
        assertThat(done.facts()).containsEntry("widgetId", "w-brennwald");
        assertThat(tenant.applies("create-widget")).isEqualTo(1);
        assertThat(tenant.applies("paint-widget")).isEqualTo(1);
    }

    @Test
    void secondRunForTheSameClientFindsEverythingInPlaceAndAppliesNothing() {
        Run first = service.plan(runbook, new WidgetRunbook.Params("Brennwald", "blue"), TECH, "conv-1");
        service.approve(first.id(), 1, BOSS);
        await(first.id(), r -> r.status() == RunStatus.SUCCEEDED);

        Run second = service.plan(runbook, new WidgetRunbook.Params("Brennwald", "blue"), TECH, "conv-1");
        assertThat(second.steps()).extracting(Run.Step::planKind).containsExactly("IN_PLACE", "IN_PLACE");
        service.approve(second.id(), 1, BOSS);
        Run done = await(second.id(), r -> r.status() == RunStatus.SUCCEEDED);

        assertThat(done.steps()).extracting(Run.Step::state).containsExactly(StepState.SKIPPED, StepState.SKIPPED);
        assertThat(tenant.applies("create-widget")).isEqualTo(1);
        assertThat(tenant.applies("paint-widget")).isEqualTo(1);
    }

    @Test
    void requesterCannotApproveTheirOwnRunWithFourEyesOn() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Heilig", "red"), TECH_APPROVER, "conv-1");

        var outcome = service.approve(run.id(), 1, TECH_APPROVER);

        assertThat(outcome.done()).isFalse();
        assertThat(outcome.message()).contains("four-eyes");
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    }

    @Test
    void onlyApproversMayApprove() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Heilig", "red"), TECH, "conv-1");

        var outcome = service.approve(run.id(), 1, new ChatUser("29:x", "intern-9", "Felix Intern"));

        assertThat(outcome.done()).isFalse();
        assertThat(outcome.message()).contains("Only approvers");
    }

    @Test
    void twoApproversClickingAtOnceGiveOneExecution() throws Exception {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Alpen", "green"), TECH, "conv-1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<RunService.Outcome>> clicks = List.of(
                () -> service.approve(run.id(), 1, BOSS), () -> service.approve(run.id(), 1, BOSS2),
                () -> service.approve(run.id(), 1, BOSS), () -> service.approve(run.id(), 1, BOSS2));

        List<Future<RunService.Outcome>> results = pool.invokeAll(clicks);
        pool.shutdown();

        long approved = results.stream().filter(f -> get(f).done()).count();
        assertThat(approved).isEqualTo(1);
        assertThat(results.stream().filter(f -> !get(f).done()).map(f -> get(f).message()))
                .allMatch(m -> m.contains("already approved"));
        await(run.id(), r -> r.status() == RunStatus.SUCCEEDED);
        Thread.sleep(500); // give any duplicate execution the chance to show up
        assertThat(tenant.applies("create-widget")).isEqualTo(1);
        assertThat(tenant.applies("paint-widget")).isEqualTo(1);
    }

    @Test
    void staleCardAndExpiredPlanApplyNothing() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Stale", "red"), TECH, "conv-1");

        assertThat(service.approve(run.id(), 2, BOSS).message()).contains("plan version 2").contains("now version 1");

        jdbc.sql("UPDATE run SET approval_expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(5)), run.id()).update();
        assertThat(service.approve(run.id(), 1, BOSS).message()).contains("expired");
        assertThat(tenant.applies("create-widget")).isZero();
    }

    @Test
    void rejectionNeedsAReasonShownAndChangesNothing() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Nope", "red"), TECH, "conv-1");

        var outcome = service.reject(run.id(), 1, BOSS, "wrong organization id");

        assertThat(outcome.message()).contains("wrong organization id");
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.REJECTED);
        assertThat(service.approve(run.id(), 1, BOSS2).message()).contains("already rejected by Bruno Approver");
        assertThat(tenant.applies("create-widget")).isZero();
    }

    @Test
    void failedStepStopsTheRunWithItsCauseAndRetryResumesFromThere() {
        tenant.failColour = true;
        Run run = service.plan(runbook, new WidgetRunbook.Params("Flaky", "red"), TECH, "conv-1");
        service.approve(run.id(), 1, BOSS);

        Run failed = await(run.id(), r -> r.status() == RunStatus.FAILED);
        assertThat(failed.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.FAILED);
        assertThat(failed.steps().get(1).error()).isEqualTo("paint shop is closed");
        assertThat(failed.error()).isEqualTo("2 · Colour: paint shop is closed");

        tenant.failColour = false;
        assertThat(service.retry(run.id(), TECH).done()).isTrue();
        Run done = await(run.id(), r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(done.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.DONE);
        assertThat(tenant.applies("create-widget")).isEqualTo(1);
        assertThat(tenant.applies("paint-widget")).isEqualTo(1);
    }

    @Test
    void tenantThatDriftedSinceApprovalIsAskedAgainBeforeAnythingChanges() {
        tenant.widgetIdByClient.put("Drift", "w-existing");
        tenant.colourByWidget.put("w-existing", "red");
        Run run = service.plan(runbook, new WidgetRunbook.Params("Drift", "red"), TECH, "conv-1");
        assertThat(run.steps()).extracting(Run.Step::planKind).containsExactly("IN_PLACE", "IN_PLACE");

        tenant.colourByWidget.put("w-existing", "purple"); // someone repainted it by hand after approval
        service.approve(run.id(), 1, BOSS);

        Run again = await(run.id(), r -> r.status() == RunStatus.AWAITING_APPROVAL && r.planVersion() == 2);
        assertThat(again.steps().get(1).planKind()).isEqualTo("CHANGE");
        assertThat(tenant.applies("paint-widget")).isZero();
        service.approve(run.id(), 2, BOSS);
        await(run.id(), r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(tenant.colourByWidget.get("w-existing")).isEqualTo("red");
    }

    @Test
    void cancelStopsBeforeTheNextStep() {
        Run run = service.plan(runbook, new WidgetRunbook.Params("Cancel", "red"), TECH, "conv-1");

        assertThat(service.cancel(run.id(), TECH).done()).isTrue();

        assertThat(service.approve(run.id(), 1, BOSS).done()).isFalse();
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    private Run await(String runId, Predicate<Run> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run did not reach the expected state; it is " + run.status() + " " + run.steps());
            }
            sleep(50);
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
