package dev.scimpilot.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.testing.BotEndpoint;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.PackagedJar;
import dev.scimpilot.testing.TeamsActivities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold start and memory as the container image runs SCIM Pilot: the jar extracted with a class data sharing archive
 * ({@code deploy/cds-archive.sh}, the same script the image build runs), as a child process with the image's JVM
 * flags as if in a 1 GiB container, against the sandbox with inbound auth off (local mode's set-up): time from
 * starting the JVM to a ready {@code /actuator/health/readiness} and to the first answered {@code help}, then one
 * onboarding through the bot (form, preflight, plan, approval by someone else, every runbook step) and a few reads
 * as the warm-up, then heap used (before and after a full GC, via {@code jcmd}) and the resident set size. For
 * comparison, the plain {@code java -jar} of the executable jar is started too (readiness only). Needs
 * {@code target/scim-pilot-*.jar} ({@code ./mvnw -q -B -DskipTests package}). Not a test; run it with
 * {@code ./mvnw -q -B -DskipTests package exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.perf.ColdStartBenchmark}.
 */
public final class ColdStartBenchmark {

    public static final double READY_GOAL_S = 6;
    public static final double HEAP_GOAL_MB = 200;
    /** The container image's JVM flags (deploy/Dockerfile), sized as if the container had 1 GiB of memory. */
    static final List<String> JVM_FLAGS = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=75.0",
            "-XX:InitialRAMPercentage=25.0", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8");
    /** Where the image layout is written (the image has it in /app). */
    static final Path IMAGE_LAYOUT = Path.of("target", "coldstart-image");

    /**
     * {@code ready…} to {@code rssMb}: the image layout (extracted jar + CDS archive); {@code plainJar…}: {@code java -jar}
     * of the executable jar; {@code layoutSeconds}: writing the layout and archive (once per image build).
     */
    public record Result(double readySeconds, double readyCpuSeconds, double firstAnswerSeconds, double springReportedSeconds,
            double heapUsedMb, double heapLiveMb, double rssMb, String warmUp, double plainJarReadySeconds,
            double plainJarCpuSeconds, double layoutSeconds, String layout, Machine machine) {

        public boolean readyGoalMet() {
            return readySeconds <= READY_GOAL_S;
        }

        public boolean heapGoalMet() {
            return heapUsedMb <= HEAP_GOAL_MB;
        }
    }

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }

    public static void print(Result r) {
        System.out.printf(Locale.ROOT, "image layout (%s, written in %.0f s)%n", r.layout(), r.layoutSeconds());
        System.out.printf(Locale.ROOT, "ready (JVM start -> readiness UP): %.2f s (goal <= %.0f s: %s), %.2f s of CPU; first `help` "
                + "answered at %.2f s; Spring Boot's own count: %.2f s%n", r.readySeconds(), READY_GOAL_S,
                r.readyGoalMet() ? "met" : "MISSED", r.readyCpuSeconds(), r.firstAnswerSeconds(), r.springReportedSeconds());
        System.out.printf(Locale.ROOT, "for comparison, java -jar of the executable jar: ready %.2f s, %.2f s of CPU%n",
                r.plainJarReadySeconds(), r.plainJarCpuSeconds());
        System.out.printf(Locale.ROOT, "after warm-up (%s): heap used %.0f MB (goal <= %.0f MB: %s), live after full GC %.0f MB, "
                + "RSS %.0f MB%n", r.warmUp(), r.heapUsedMb(), HEAP_GOAL_MB, r.heapGoalMet() ? "met" : "MISSED", r.heapLiveMb(),
                r.rssMb());
        System.out.printf(Locale.ROOT, "JVM flags: %s; %s; load average %s%n", String.join(" ", JVM_FLAGS),
                r.machine().describe(), r.machine().load());
    }

    public static Result run() throws Exception {
        Path jar = PackagedJar.find();
        long l0 = System.nanoTime();
        String layout = PackagedJar.layOut(jar, IMAGE_LAYOUT);
        double layoutSeconds = (System.nanoTime() - l0) / 1e9;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (Sandbox sandbox = Sandbox.start(0); FakeTeams teams = FakeTeams.start()) {
            double[] plain = new double[2];
            try (Started app = start(List.of("-jar", jar.toAbsolutePath().toString()), sandbox)) {
                plain[0] = app.readySeconds();
                plain[1] = app.readyCpuSeconds();
            }
            Path image = IMAGE_LAYOUT.toAbsolutePath();
            try (Started app = start(List.of("-XX:SharedArchiveFile=" + image.resolve("scim-pilot.jsa"), "-jar",
                    image.resolve("scim-pilot.jar").toString()), sandbox)) {
                BotEndpoint bot = new BotEndpoint(app.port());
                TeamsActivities activities = new TeamsActivities(teams.serviceUrl());
                // the bot acknowledges the message, then posts its answer to the connector: that is the first answer
                expect(bot.post(activities.message("help")), "help");
                await(teams, c -> text(c).contains("onboard client"));
                double firstAnswer = (System.nanoTime() - app.t0()) / 1e9;
                String warmUp = warmUp(bot, activities, teams, sandbox);
                long pid = app.process().pid();
                double used = heapUsedMb(pid);
                jcmd(pid, "GC.run");
                double live = heapUsedMb(pid);
                double rss = rssMb(pid);
                return new Result(app.readySeconds(), app.readyCpuSeconds(), firstAnswer, springReported(app.log()), used, live,
                        rss, warmUp, plain[0], plain[1], layoutSeconds, layout, Machine.now());
            }
        }
    }

    /** A started child JVM, ready; closing it stops it. */
    private record Started(Process process, long t0, int port, Path log, double readySeconds, double readyCpuSeconds)
            implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Started start(List<String> launch, Sandbox sandbox) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("scimpilot-coldstart");
        Path log = dir.resolve("app.log");
        int port = PackagedJar.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        // to try start-up options without editing the image: -Dcoldstart.extraFlags="-XX:TieredStopAtLevel=1 ..."
        String extra = System.getProperty("coldstart.extraFlags", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port, "--scimpilot.data-dir=" + dir.resolve("data"),
                "--scimpilot.access.technicians=" + TeamsActivities.TECHNICIAN_AAD,
                "--scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
                "--scimpilot.scim.allowed-hosts=127.0.0.1", "--scimpilot.scim.allow-loopback=true",
                "--scimpilot.runs.polling-interval=PT0.5S"));
        sandbox.scimPilotProperties().forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long t0 = System.nanoTime();
        Process app = builder.start();
        if (PackagedJar.awaitReady(app, port, Duration.ofMinutes(2)).isEmpty()) {
            app.destroyForcibly();
            throw new IllegalStateException("the application did not become ready; see " + log);
        }
        double ready = (System.nanoTime() - t0) / 1e9;
        return new Started(app, t0, port, log, ready, cpuSeconds(app.pid()));
    }

    /** One onboarding of Brennwald through the bot, as in OnboardingChatIT, then the list commands. */
    private static String warmUp(BotEndpoint bot, TeamsActivities activities, FakeTeams teams, Sandbox sandbox) {
        String token = sandbox.state().scimIdentityProvider(DemoData.BRENNWALD_ORG_ID).orElseThrow().token();
        bot.post(activities.message("onboard client Brennwald + Heilig AG"));
        JsonNode form = await(teams, c -> !c.card().findValues("draftId").isEmpty());
        ObjectNode submit = activities.execute("onboard.submit", activities.data()
                .put("draftId", form.findValues("draftId").get(0).asText())
                .put("clientName", "Brennwald + Heilig AG").put("emailDomain", DemoData.BRENNWALD_DOMAIN).put("tenantId", "")
                .put("ninjaOrgId", Long.toString(DemoData.BRENNWALD_ORG_ID)).put("fallback", "All")
                .put("groupName", "NinjaOne-EndUsers").put("mailExclusion", "backup|monitor|noreply|service|info")
                .put("upnExclusion", "").put("scimUrl", sandbox.scimBaseUrl(DemoData.BRENNWALD_ORG_ID))
                .put("scimToken", token).put("usesIntune", "false"), "act-form");
        expect(bot.post(submit), "form submit");
        JsonNode plan = await(teams, c -> c.card().at("/refresh/action/verb").asText().equals("run.refresh")
                && text(c).contains("Waiting for approval"));
        String runId = plan.at("/refresh/action/data/runId").asText();
        ObjectNode approve = activities.execute("run.approve", activities.data().put("runId", runId).put("planVersion", 1), "act-plan");
        approve.with("from").put("id", "29:1bruno-approver").put("name", "Bruno Approver")
                .put("aadObjectId", TeamsActivities.APPROVER_AAD);
        expect(bot.post(approve), "approval");
        await(teams, c -> text(c).contains("Onboard client succeeded"));
        for (String command : List.of("clients", "client Brennwald", "runs", "audit run " + runId.substring(0, 8), "help")) {
            int before = teams.calls().size();
            expect(bot.post(activities.message(command)), command);
            await(teams, c -> teams.calls().size() > before);
        }
        return "one onboarding through the bot (" + teams.calls().size() + " replies) and 5 read commands";
    }

    private static void expect(BotEndpoint.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    /** The card (or a missing node) of the latest connector call that meets {@code condition}. */
    private static JsonNode await(FakeTeams teams, Predicate<FakeTeams.ConnectorCall> condition) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            var match = teams.calls().stream().filter(condition).reduce((a, b) -> b);
            if (match.isPresent()) {
                return match.get().card();
            }
            sleep(100);
        }
        throw new IllegalStateException("the warm-up onboarding stalled; replies so far: "
                + teams.calls().stream().map(ColdStartBenchmark::text).toList());
    }


    private static String text(FakeTeams.ConnectorCall call) {
        StringBuilder sb = new StringBuilder(call.body().path("text").asText());
        call.card().findValues("text").forEach(t -> sb.append('\n').append(t.asText()));
        return sb.toString();
    }

    /** "garbage-first heap   total 262144K, used 61234K" from jcmd GC.heap_info. */
    private static double heapUsedMb(long pid) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("heap\\s+total\\s+\\d+K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap of " + pid);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static String jcmd(long pid, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), what)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /**
     * CPU seconds (user + system) the process has used: on a shared machine the wall time to ready stretches with
     * everybody else's load, its CPU time much less so.
     */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
    }

    private static double rssMb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024.0;
    }

    /** Spring Boot's "Started ScimPilotApplication in 4.1 seconds (process running for 4.6)": the second figure. */
    private static double springReported(Path log) throws IOException {
        Matcher m = Pattern.compile("process running for ([0-9.]+)").matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
