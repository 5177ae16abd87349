package dev.scimpilot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.persistence.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two SCIM Pilot instances on one PostgreSQL: every step of every run is executed by exactly one of them. */
class TwoReplicasIT {

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        RunRestartIT.TENANT.reset();
    }

    @Test
    void manyRunsOnTwoReplicasApplyEachStepOnce() {
        String url = freshDatabase();
        ConfigurableApplicationContext a = start(url);
        ConfigurableApplicationContext b = start(url);
        RunService serviceA = a.getBean(RunService.class);
        RunService serviceB = b.getBean(RunService.class);
        WidgetRunbook runbook = a.getBean(WidgetRunbook.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Run run = (i % 2 == 0 ? serviceA : serviceB).plan(runbook, new WidgetRunbook.Params("Client " + (char) ('A' + i), "teal"),
                    new ChatUser("29:t", "tech-1", "Anna"), "conv-1");
            // both replicas receive the click (two approvers, load balancer): one wins
            serviceA.approve(run.id(), 1, new ChatUser("29:b", "boss-1", "Bruno"));
            serviceB.approve(run.id(), 1, new ChatUser("29:e", "boss-2", "Elena"));
            ids.add(run.id());
        }

        RunRepository runs = a.getBean(RunRepository.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ids.stream().anyMatch(id -> runs.find(id).orElseThrow().status() != RunStatus.SUCCEEDED)
                && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(ids).allMatch(id -> runs.find(id).orElseThrow().status() == RunStatus.SUCCEEDED);
        assertThat(RunRestartIT.TENANT.applies("create-widget")).isEqualTo(10);
        assertThat(RunRestartIT.TENANT.applies("paint-widget")).isEqualTo(10);
    }

    private ConfigurableApplicationContext start(String url) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScimPilotApplication.class, RunRestartIT.Widgets.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--scimpilot.access.technicians=tech-1",
                        "--scimpilot.access.approvers=boss-1,boss-2", "--scimpilot.runs.polling-interval=PT0.2S");
        replicas.add(context);
        return context;
    }

    /** A new database on the shared embedded PostgreSQL server, so this test starts from an empty schema. */
    private static String freshDatabase() {
        String name = "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcClient.create(Databases.postgres().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        return Databases.postgres().getJdbcUrl("postgres", name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
