package dev.scimpilot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.testing.BotIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The run gauges are registered in the application's meter registry (what the Application Insights agent reads). */
@BotIntegrationTest
class RunMetricsIT {

    @Autowired MeterRegistry registry;

    @Test
    void runGaugesAreInTheApplicationsRegistry() {
        assertThat(registry.get("scimpilot.runs").gauges()).hasSize(dev.scimpilot.runs.RunStatus.values().length);
        assertThat(registry.get("scimpilot.run.steps.failed").gauge().value()).isNotNaN();
    }
}
