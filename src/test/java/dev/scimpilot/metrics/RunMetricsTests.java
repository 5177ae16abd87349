package dev.scimpilot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.persistence.Databases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** scimpilot.runs{status} and scimpilot.run.steps.failed from the database, on H2 and PostgreSQL. */
class RunMetricsTests {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void gaugesCountRunsByStatusAndFailedStepsAndRefreshAfterThirtySeconds(Databases database) {
        JdbcClient jdbc = JdbcClient.create(database.migrated());
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T10:00:00Z"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        insertRun(jdbc, "r1", "FAILED");
        insertRun(jdbc, "r2", "SUCCEEDED");
        insertRun(jdbc, "r3", "SUCCEEDED");
        insertStep(jdbc, "r1", 0, "DONE");
        insertStep(jdbc, "r1", 1, "FAILED");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RunMetrics(jdbc, clock).bindTo(registry);

        assertThat(registry.get("scimpilot.runs").tag("status", "succeeded").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("scimpilot.runs").tag("status", "failed").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("scimpilot.runs").tag("status", "awaiting_approval").gauge().value()).isZero();
        assertThat(registry.get("scimpilot.run.steps.failed").gauge().value()).isEqualTo(1.0);

        insertRun(jdbc, "r4", "FAILED");
        assertThat(registry.get("scimpilot.runs").tag("status", "failed").gauge().value()).as("cached").isEqualTo(1.0);
        now.set(now.get().plus(RunMetrics.MAX_AGE).plus(Duration.ofSeconds(1)));
        assertThat(registry.get("scimpilot.runs").tag("status", "failed").gauge().value()).isEqualTo(2.0);
    }

    private static void insertRun(JdbcClient jdbc, String id, String status) {
        Timestamp t = Timestamp.from(Instant.parse("2026-11-28T09:00:00Z"));
        jdbc.sql("INSERT INTO run (id, kind, client_name, parameters, facts, status, plan_version, conversation_id, "
                        + "requester_id, created_at, updated_at) VALUES (?, 'onboarding', 'Brennwald', '{}', '{}', ?, 1, 'c', 'u', ?, ?)")
                .params(id, status, t, t).update();
    }

    private static void insertStep(JdbcClient jdbc, String runId, int index, String state) {
        jdbc.sql("INSERT INTO run_step (run_id, step_index, step_id, title, state, plan_kind, plan_summary, attempts) "
                        + "VALUES (?, ?, ?, 'Step', ?, 'CHANGE', 'x', 1)")
                .params(runId, index, "s" + index, state).update();
    }
}
