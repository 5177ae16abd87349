package dev.scimpilot.perf;

import dev.scimpilot.cards.CardExpansionBenchmark;
import dev.scimpilot.health.FleetCheckBenchmark;
import dev.scimpilot.onboarding.OnboardingBenchmark;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Runs every benchmark in one go and writes {@code benchmarks/REPORT.md} (each figure with its goal and whether it was
 * met, and the machine) and {@code benchmarks/messages.png}. One command, after the jar is packaged:
 * {@code ./mvnw -B -q -DskipTests package exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.perf.PerformanceReport}.
 * A benchmark that fails is reported as failed; the others still run.
 */
public final class PerformanceReport {

    /** Filled in by the provisioning-check work; included when it is on the classpath. */
    static final Path OUT = Path.of("benchmarks");

    /** One line of the summary: a figure, its goal and whether it was met (null = no goal). */
    record Row(String figure, String value, String goal, Boolean met) {}

    private final List<Row> summary = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();

    private PerformanceReport() {}

    public static void main(String[] args) throws Exception {
        PerformanceReport report = new PerformanceReport();
        Machine machine = Machine.now();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(OUT);
        report.messages();
        report.coldStart();
        report.onboarding();
        report.cards();
        report.fleetCheck();
        String md = report.markdown(machine, started, Machine.loadAverage());
        Files.writeString(OUT.resolve("REPORT.md"), md);
        System.out.println(md);
        System.out.println("written: " + OUT.resolve("REPORT.md").toAbsolutePath());
        System.exit(0);
    }

    // ---- the benchmarks -----------------------------------------------------------------------------

    private void messages() {
        section("`/api/messages` under load: SCIM Pilot vs a bare Bot SDK echo handler", "dev.scimpilot.perf.MessagesBenchmark");
        try {
            MessagesBenchmark.Result r = MessagesBenchmark.run(MessagesBenchmark.Options.defaults());
            double[] perRound = r.roundP99Ratios();
            summary.add(new Row("`/api/messages` p99, SCIM Pilot / echo", fmt("%.2f× (%.0f ms / %.0f ms); per round %.2f× to "
                    + "%.2f×, median %.2f×", r.p99Ratio(), r.scimPilot().p99Ms(), r.echo().p99Ms(), perRound[0],
                    perRound[perRound.length - 1], MessagesBenchmark.percentile(perRound, 50)),
                    fmt("≤ %.1f×", MessagesBenchmark.P99_RATIO_GOAL), r.p99GoalMet()));
            summary.add(new Row("`/api/messages` slowest acknowledgement (SCIM Pilot)", fmt("%.0f ms", r.scimPilot().maxMs()),
                    fmt("≤ %.0f ms", MessagesBenchmark.MAX_ACK_GOAL_MS), r.ackGoalMet()));
            summary.add(new Row("text command answered (reply at the connector), p99, SCIM Pilot / echo",
                    fmt("%.2f× (%.0f ms / %.0f ms)", r.answerP99Ratio(), r.scimPilot().answerP99Ms(), r.echo().answerP99Ms()),
                    "–", null));
            summary.add(new Row("`/api/messages` CPU per request, SCIM Pilot / echo", fmt("%.2f× (%.2f ms / %.2f ms)",
                    r.cpuRatio(), r.scimPilot().cpuMsPerRequest(), r.echo().cpuMsPerRequest()), "–", null));
            summary.add(new Row("`/api/messages` throughput, SCIM Pilot / echo", fmt("%.2f× (%.0f / %.0f req/s)",
                    r.throughputRatio(), r.scimPilot().perSecond(), r.echo().perSecond()), "–", null));
            details.append(fmt("%d concurrent senders, each its own Teams user with a valid Bot Framework JWT (validated against a "
                    + "local JWKS), %d requests per sender and round, %d rounds per application taken in turns after two "
                    + "warm-up rounds each; half are the text command `clients` (the bot reads the registry of 30 clients "
                    + "and posts a card to the connector), half an `Action.Execute` `client.page` (reads the registry, "
                    + "answers with the next page's card). The echo handler answers a message with one text reply and an "
                    + "invoke with a small message. Both run behind the same controller: a message is acknowledged (202) "
                    + "once its token is checked and its turn runs on the turn queue; an invoke is answered in the "
                    + "response. Like a person, each sender waits for the answer before its next command (for a message, "
                    + "its reply at the fake connector), with no pause in between, so the 2 cores are saturated. "
                    + "*p50/p99/max/text/invoke*: the HTTP answer of `/api/messages` (the goal); *answer*: a text command "
                    + "from sending until its reply reached the connector.%n%n", r.options().senders(), r.options().requestsPerSender(), r.options().rounds()));
            details.append("| application | requests | failed | p50 ms | p99 ms | max ms | text p99 ms | invoke p99 ms | answer p50 ms | answer p99 ms | req/s | CPU ms/request |\n");
            details.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (MessagesBenchmark.Latencies l : List.of(r.echo(), r.scimPilot())) {
                latencyRow(l, true);
            }
            details.append("\nPer round (the two applications alternate):\n\n");
            details.append("| round | requests | failed | p50 ms | p99 ms | max ms | text p99 ms | invoke p99 ms | answer p50 ms | answer p99 ms | req/s | CPU ms/request |\n");
            details.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            r.rounds().forEach(l -> latencyRow(l, false));
            details.append(fmt("%nRatios SCIM Pilot / echo: p50 %.2f×, p99 %.2f×, throughput %.2f×, CPU per request %.2f× "
                    + "(CPU of the whole benchmark JVM per request: the load generator and fake connector take the same "
                    + "share for both, and other processes on the machine do not count). %d connector calls. Load "
                    + "average %s before, %s after.%n", r.p50Ratio(), r.p99Ratio(), r.throughputRatio(), r.cpuRatio(),
                    r.connectorCalls(), r.loadBefore(), r.loadAfter()));
            if (chart(r)) {
                details.append("\n![p50, p99 and slowest acknowledgement of both](messages.png)\n");
            }
        } catch (Exception | Error e) {
            failed("`/api/messages` load", e);
        }
    }

    private void latencyRow(MessagesBenchmark.Latencies l, boolean bold) {
        String name = bold ? "**" + l.target() + "**" : l.target();
        details.append(fmt("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f |%n", name, l.requests(),
                l.failures(), l.p50Ms(), l.p99Ms(), l.maxMs(), l.textP99Ms(), l.invokeP99Ms(), l.answerP50Ms(), l.answerP99Ms(),
                l.perSecond(), l.cpuMsPerRequest()));
    }

    private void coldStart() {
        section("Cold start and memory, as the container image starts", "dev.scimpilot.perf.ColdStartBenchmark");
        try {
            ColdStartBenchmark.Result r = ColdStartBenchmark.run();
            summary.add(new Row("cold start as the image starts (extracted jar + CDS archive): JVM start → readiness UP",
                    fmt("%.1f s (%.1f s of CPU)", r.readySeconds(), r.readyCpuSeconds()),
                    fmt("≤ %.0f s", ColdStartBenchmark.READY_GOAL_S), r.readyGoalMet()));
            summary.add(new Row("cold start of plain `java -jar` (for comparison)", fmt("%.1f s (%.1f s of CPU)",
                    r.plainJarReadySeconds(), r.plainJarCpuSeconds()), "–", null));
            summary.add(new Row("heap used after warm-up", fmt("%.0f MB (live after full GC %.0f MB)", r.heapUsedMb(),
                    r.heapLiveMb()), fmt("≤ %.0f MB", ColdStartBenchmark.HEAP_GOAL_MB), r.heapGoalMet()));
            summary.add(new Row("resident set size after warm-up", fmt("%.0f MB", r.rssMb()), "–", null));
            details.append(fmt("The image runs the jar extracted, with a class data sharing archive of the classes a start "
                    + "loads, both written at image build by `deploy/cds-archive.sh`; this benchmark runs the same script "
                    + "(%s; %.0f s) and starts the result as the image's entrypoint does, as a child process with the "
                    + "image's JVM flags as if in a 1 GiB container (`%s`), embedded H2, the sandbox for Graph and "
                    + "NinjaOne, inbound auth off (local mode's set-up). For comparison, `java -jar "
                    + "target/scim-pilot-*.jar` with the same flags (readiness only).%n%n", r.layout(), r.layoutSeconds(),
                    String.join(" ", ColdStartBenchmark.JVM_FLAGS)));
            details.append("| figure | value |\n|---|---:|\n");
            details.append(fmt("| JVM start → `/actuator/health/readiness` UP | %.2f s |%n", r.readySeconds()));
            details.append(fmt("| CPU time used by then (user + system) | %.2f s |%n", r.readyCpuSeconds()));
            details.append(fmt("| Spring Boot's own \"process running for\" | %.2f s |%n", r.springReportedSeconds()));
            details.append(fmt("| first `help` answered | %.2f s |%n", r.firstAnswerSeconds()));
            details.append(fmt("| plain `java -jar`: readiness UP (CPU) | %.2f s (%.2f s) |%n", r.plainJarReadySeconds(),
                    r.plainJarCpuSeconds()));
            details.append(fmt("| heap used after the warm-up | %.0f MB |%n", r.heapUsedMb()));
            details.append(fmt("| heap used after a full GC (live data) | %.0f MB |%n", r.heapLiveMb()));
            details.append(fmt("| resident set size | %.0f MB |%n", r.rssMb()));
            details.append(fmt("%nWarm-up: %s. Load average at the end: %s.%n", r.warmUp(), r.machine().load()));
        } catch (Exception | Error e) {
            failed("cold start", e);
        }
    }

    private void onboarding() {
        section("Onboarding apply phase (100 ms per Graph/NinjaOne call)", "dev.scimpilot.onboarding.OnboardingBenchmark");
        try {
            OnboardingBenchmark.Result r = OnboardingBenchmark.run();
            summary.add(new Row("onboarding apply phase: critical path", r.criticalPath() + " Graph round trips",
                    "≤ " + OnboardingBenchmark.Result.CRITICAL_PATH_GOAL, r.criticalPath() <= OnboardingBenchmark.Result.CRITICAL_PATH_GOAL));
            summary.add(new Row("onboarding apply phase: wall", fmt("%.2f s", r.wallMs() / 1000),
                    fmt("≤ %.2f s (1.2 × critical path × 100 ms)", r.wallGoalMs() / 1000), r.wallMs() <= r.wallGoalMs()));
            details.append("Method: [src/test/java/dev/scimpilot/onboarding/BENCHMARK.md](../src/test/java/dev/scimpilot/onboarding/BENCHMARK.md).\n\n");
            details.append("| figure | value |\n|---|---:|\n");
            details.append(fmt("| Graph calls (apply phase) | %d (+ %d NinjaOne API, %d SCIM calls by the simulated provisioning service) |%n",
                    r.graphCalls(), r.ninjaOneCalls(), r.scimCalls()));
            details.append(fmt("| critical path | %d round trips |%n", r.criticalPath()));
            details.append(fmt("| wall | %.0f ms |%n", r.wallMs()));
            details.append(fmt("| of which inside start/provisionOnDemand/validateCredentials beyond one round trip | %.0f ms |%n", r.nestedMs()));
            details.append(fmt("| wall of the Graph round trips alone | %.0f ms = %.2f × critical path × latency |%n",
                    r.graphWallMs(), r.graphWallRatio()));
        } catch (Exception | Error e) {
            failed("onboarding apply phase", e);
        }
    }

    private void cards() {
        section("Card expansion: Java engine vs Microsoft's adaptivecards-templating", "dev.scimpilot.cards.CardExpansionBenchmark");
        try {
            CardExpansionBenchmark.Result r = CardExpansionBenchmark.run(1000, 3);
            summary.add(new Row("card expansion, Java / official JS engine (card set)", fmt("%.1f×", r.ratio()),
                    fmt("≥ %.0f×", CardExpansionBenchmark.RATIO_GOAL), r.ratio() >= CardExpansionBenchmark.RATIO_GOAL));
            summary.add(new Row("card expansion, lowest per-card ratio", fmt("%.1f×", r.lowestRatio()),
                    fmt("≥ %.0f×", CardExpansionBenchmark.RATIO_GOAL), r.lowestRatio() >= CardExpansionBenchmark.RATIO_GOAL));
            details.append(fmt("Every card with its sample data on one thread, best of %d rounds, %d ms per card and engine; Node %s. "
                    + "Method: [cards/README.md](../cards/README.md#performance).%n%n", r.rounds(), r.millis(), r.node()));
            details.append("| card | Java ops/s | official ops/s | ratio |\n|---|---:|---:|---:|\n");
            for (CardExpansionBenchmark.CardFigures c : r.cards()) {
                details.append(fmt("| %s | %,.0f | %,.0f | %.1f× |%n", c.card(), c.javaOpsPerSecond(), c.officialOpsPerSecond(), c.ratio()));
            }
            details.append(fmt("| **all cards (sets/s)** | %,.1f | %,.1f | **%.1f×** |%n", r.javaSetsPerSecond(),
                    r.officialSetsPerSecond(), r.ratio()));
        } catch (Exception | Error e) {
            failed("card expansion", e);
        }
    }

    private void fleetCheck() {
        section("Fleet check (`check provisioning all`)", "dev.scimpilot.health.FleetCheckBenchmark");
        try {
            FleetCheckBenchmark.Figures f = FleetCheckBenchmark.run();
            boolean ratioMet = "met".equals(f.ratioGoal());
            boolean tenantMet = f.peakPerTenant() <= f.perTenantLimit();
            summary.add(new Row(fmt("fleet check, %d clients, %d ms per call: configured concurrency vs one after the other",
                    f.clients(), f.latencyMs()), fmt("%.1f s vs %.1f s: %.1f×", f.concurrentSeconds(), f.sequentialSeconds(),
                    f.ratio()), "≥ 15×", ratioMet));
            summary.add(new Row("fleet check: peak requests in flight per tenant", fmt("%d (limit %d)", f.peakPerTenant(),
                    f.perTenantLimit()), "≤ limit", tenantMet));
            details.append("Method: [src/test/java/dev/scimpilot/health/BENCHMARK.md](../src/test/java/dev/scimpilot/health/BENCHMARK.md).\n\n");
            details.append("| figure | value |\n|---|---:|\n");
            details.append(fmt("| clients | %d |%n", f.clients()));
            details.append(fmt("| latency per Graph/NinjaOne call | %d ms |%n", f.latencyMs()));
            details.append(fmt("| requests per check | %,d |%n", f.requestsPerCheck()));
            details.append(fmt("| configured concurrency | %.1f s |%n", f.concurrentSeconds()));
            details.append(fmt("| one client after the other | %.1f s |%n", f.sequentialSeconds()));
            details.append(fmt("| ratio | %.1f× (goal ≥ 15×: %s) |%n", f.ratio(), f.ratioGoal()));
            details.append(fmt("| peak requests in flight per tenant | %d (limit %d: %s) |%n", f.peakPerTenant(),
                    f.perTenantLimit(), f.perTenantGoal()));
            details.append(fmt("| both runs found the same | %s |%n", f.bothRunsAgree() ? "yes" : "**no**"));
        } catch (Exception | Error e) {
            failed("fleet check", e);
        }
    }

    // ---- output -------------------------------------------------------------------------------------

    private void section(String title, String className) {
        details.append("\n## ").append(title).append("\n\n");
        String build = className.endsWith("ColdStartBenchmark") ? "-DskipTests package" : "test-compile";
        details.append("`").append(className).append("`; alone: `./mvnw -q -B ").append(build)
                .append(" exec:java -Dexec.classpathScope=test -Dexec.mainClass=").append(className).append("`.\n\n");
    }

    private void failed(String what, Throwable e) {
        e.printStackTrace();
        details.append("**failed**: `").append(String.valueOf(e).replace('`', '\'')).append("`\n");
        summary.add(new Row(what, "failed", "–", false));
    }

    private String markdown(Machine machine, Instant started, String loadAfter) {
        StringBuilder md = new StringBuilder("# SCIM Pilot performance report\n\n");
        md.append(fmt("Generated %s by `dev.scimpilot.perf.PerformanceReport`:%n%n```%n./mvnw -B -q -DskipTests package exec:java "
                + "-Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.perf.PerformanceReport%n```%n%n", started));
        md.append(fmt("**Machine**: %s. Load average %s at the start, %s at the end. ", machine.describe(), machine.load(), loadAfter));
        md.append("This machine is shared with other builds and test runs: a load average above the core count means other "
                + "processes were competing for the CPU, which stretches every wall-clock figure here (latency, start-up); "
                + "ratios measured in the same run (the applications and engines take turns) and CPU time suffer less.\n\n");
        md.append("| figure | value | goal | met? |\n|---|---|---|---|\n");
        for (Row r : summary) {
            md.append("| ").append(r.figure()).append(" | ").append(r.value()).append(" | ").append(r.goal()).append(" | ")
                    .append(r.met() == null ? "–" : r.met() ? "**met**" : "**missed**").append(" |\n");
        }
        md.append(details);
        return md.toString();
    }

    /** p50, p99 and max of both applications as grouped bars (Java2D, headless). */
    private static boolean chart(MessagesBenchmark.Result r) {
        try {
            int width = 720;
            int height = 360;
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.DARK_GRAY);
            g.drawString(fmt("/api/messages, %d concurrent senders: latency (ms)", r.options().senders()), 20, 28);
            String[] labels = {"p50", "p99", "slowest"};
            double[][] values = {{r.echo().p50Ms(), r.echo().p99Ms(), r.echo().maxMs()},
                    {r.scimPilot().p50Ms(), r.scimPilot().p99Ms(), r.scimPilot().maxMs()}};
            double top = Math.max(MessagesBenchmark.MAX_ACK_GOAL_MS, Math.max(r.echo().maxMs(), r.scimPilot().maxMs())) * 1.1;
            int left = 70;
            int bottom = height - 50;
            int plot = bottom - 50;
            Color[] colours = {new Color(0x9E9E9E), new Color(0x4B53BC)};
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int tick = 0; tick <= 4; tick++) {
                double v = top * tick / 4;
                int y = bottom - (int) (plot * v / top);
                g.setColor(new Color(0xE0E0E0));
                g.drawLine(left, y, width - 20, y);
                g.setColor(Color.GRAY);
                g.drawString(fmt("%.0f", v), 20, y + 4);
            }
            int group = (width - left - 40) / labels.length;
            for (int i = 0; i < labels.length; i++) {
                for (int s = 0; s < 2; s++) {
                    int barHeight = (int) (plot * values[s][i] / top);
                    int x = left + 20 + i * group + s * 70;
                    g.setColor(colours[s]);
                    g.fillRect(x, bottom - barHeight, 60, barHeight);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(fmt("%.0f", values[s][i]), x + 8, bottom - barHeight - 4);
                }
                g.drawString(labels[i], left + 20 + i * group + 55, bottom + 18);
            }
            int goalY = bottom - (int) (plot * MessagesBenchmark.MAX_ACK_GOAL_MS / top);
            g.setColor(new Color(0xC62828));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(left, goalY, width - 20, goalY);
            g.drawString("1 s: slowest acknowledgement allowed", width - 260, goalY - 5);
            g.setColor(colours[0]);
            g.fillRect(left, height - 25, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString("bare Bot SDK echo", left + 18, height - 14);
            g.setColor(colours[1]);
            g.fillRect(left + 170, height - 25, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(fmt("SCIM Pilot (p99 %.2f× echo)", r.p99Ratio()), left + 188, height - 14);
            g.dispose();
            ImageIO.write(image, "png", OUT.resolve("messages.png").toFile());
            return true;
        } catch (Exception | Error e) {
            System.err.println("no chart: " + e);
            return false;
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
