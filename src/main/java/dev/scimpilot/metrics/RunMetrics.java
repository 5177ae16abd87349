package dev.scimpilot.metrics;

import dev.scimpilot.runs.RunStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Run metrics read from the shared database, so every replica reports the same fleet-wide numbers (aggregate replicas
 * with max, not sum): {@code scimpilot.runs{status}} = runs in each state now (e.g. {@code failed} = waiting for
 * {@code retry run}), {@code scimpilot.run.steps.failed} = steps that failed and were not retried successfully. One
 * snapshot (two small queries) serves all gauges for 30 s; a database error reports NaN instead of failing a scrape.
 */
@Component
class RunMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Snapshot snapshot;

    RunMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Snapshot(Instant at, Map<RunStatus, Long> runs, long failedSteps, boolean ok) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder("scimpilot.runs", this, m -> m.runs(status))
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("Runs in this state now (all replicas, from the database)")
                    .register(registry);
        }
        Gauge.builder("scimpilot.run.steps.failed", this, RunMetrics::failedSteps)
                .description("Run steps in the failed state now (all replicas, from the database)")
                .register(registry);
    }

    double runs(RunStatus status) {
        Snapshot s = current();
        return s.ok() ? s.runs().getOrDefault(status, 0L) : Double.NaN;
    }

    double failedSteps() {
        Snapshot s = current();
        return s.ok() ? s.failedSteps() : Double.NaN;
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.at().plus(MAX_AGE).isBefore(now)) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);
            jdbc.sql("SELECT status, COUNT(*) AS n FROM run GROUP BY status").query((rs, i) -> {
                try {
                    runs.put(RunStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                } catch (IllegalArgumentException unknown) {
                    // a status written by a newer version: not ours to report
                }
                return null;
            }).list();
            long failed = jdbc.sql("SELECT COUNT(*) FROM run_step WHERE state = 'FAILED'").query(Long.class).single();
            return new Snapshot(now, runs, failed, true);
        } catch (RuntimeException e) {
            log.warn("run metrics: cannot read the database: {}", e.toString());
            return new Snapshot(now, Map.of(), 0, false);
        }
    }
}
