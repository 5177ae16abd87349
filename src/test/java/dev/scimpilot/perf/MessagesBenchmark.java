package dev.scimpilot.perf;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.chat.AppCredentialsSource;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.testing.FakeTeams;
import dev.scimpilot.testing.TeamsActivities;
import dev.scimpilot.testing.TestAppCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code POST /api/messages} under load: N concurrent senders (default 50), each its own Teams user with its own
 * valid Bot Framework JWT (checked against a local JWKS), alternately send a text command ({@code clients}: reads
 * the registry, posts a card to the connector) and an {@code Action.Execute} invoke ({@code client.page}: reads the
 * registry, answers with the next page's card), against (a) SCIM Pilot and (b) {@link EchoBot} behind the same
 * adapter, auth and controller, in the same run. Replies go over real HTTP to a fake Bot Connector on loopback.
 * Like a person, a sender reads the answer before it sends the next command: an invoke's answer is its HTTP
 * response; a message is acknowledged first and answered by a reply to the conversation, which the sender waits for.
 * Both are timed: the acknowledgement ({@code /api/messages}' own latency, the goal) and the answer.
 * The two applications take turns, round by round, so a burst of someone else's work on a shared machine hits
 * both alike. Not a test; run it with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.perf.MessagesBenchmark}
 * (optional arguments: senders, default 50; requests per sender and round, default 40; rounds, default 6).
 */
public final class MessagesBenchmark {

    static final String APP_ID = "5c3a9e71-8d2f-4b6a-a1c4-7e9d0f2b8a63";
    /** Goals: SCIM Pilot's p99 at most this multiple of the echo handler's, and no acknowledgement slower than 1 s. */
    public static final double P99_RATIO_GOAL = 1.1;
    public static final double MAX_ACK_GOAL_MS = 1000;

    public record Options(int senders, int requestsPerSender, int rounds) {
        public static Options defaults() {
            return new Options(50, 40, 6);
        }
    }

    /** Latency figures of one application over a set of requests (one round, or all rounds pooled). */
    /**
     * {@code p50Ms}…{@code invokeP99Ms}: the HTTP answer of {@code /api/messages} (the acknowledgement of a message,
     * the card of an invoke). {@code answerP50Ms}/{@code answerP99Ms}: a text command from sending until the bot's
     * reply reached the connector, what the person waits for.
     */
    public record Latencies(String target, int requests, int failures, double p50Ms, double p99Ms, double maxMs,
            double perSecond, double textP99Ms, double invokeP99Ms, double answerP50Ms, double answerP99Ms,
            double cpuMsPerRequest) {}

    public record Result(Options options, Latencies echo, Latencies scimPilot, List<Latencies> rounds,
            long connectorCalls, Machine machine, String loadBefore, String loadAfter) {

        public double p99Ratio() {
            return scimPilot.p99Ms() / echo.p99Ms();
        }

        public double p50Ratio() {
            return scimPilot.p50Ms() / echo.p50Ms();
        }

        /** CPU per request, whole JVM (the load generator's share is the same for both): little affected by other processes. */
        /** Text command until its reply reached the connector, p99: no goal, reported beside the acknowledgement. */
        public double answerP99Ratio() {
            return scimPilot.answerP99Ms() / echo.answerP99Ms();
        }

        public double cpuRatio() {
            return scimPilot.cpuMsPerRequest() / echo.cpuMsPerRequest();
        }

        public double throughputRatio() {
            return scimPilot.perSecond() / echo.perSecond();
        }

        /** p99 SCIM Pilot / echo of each round pair (the rounds alternate echo, SCIM Pilot), sorted. */
        public double[] roundP99Ratios() {
            double[] ratios = new double[rounds.size() / 2];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = rounds.get(2 * i + 1).p99Ms() / rounds.get(2 * i).p99Ms();
            }
            java.util.Arrays.sort(ratios);
            return ratios;
        }

        public boolean p99GoalMet() {
            return p99Ratio() <= P99_RATIO_GOAL;
        }

        public boolean ackGoalMet() {
            return scimPilot.maxMs() <= MAX_ACK_GOAL_MS;
        }
    }

    private MessagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options defaults = Options.defaults();
        Options options = new Options(args.length > 0 ? Integer.parseInt(args[0]) : defaults.senders(),
                args.length > 1 ? Integer.parseInt(args[1]) : defaults.requestsPerSender(),
                args.length > 2 ? Integer.parseInt(args[2]) : defaults.rounds());
        print(run(options));
        System.exit(0);
    }

    public static void print(Result r) {
        System.out.printf(Locale.ROOT, "%d senders x %d requests x %d rounds per application (half text `clients`, half "
                + "Action.Execute `client.page`), JWT validation on%n", r.options().senders(), r.options().requestsPerSender(),
                r.options().rounds());
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %9s %9s %9s %11s %11s %11s %11s %9s %8s%n", "", "requests", "failed",
                "p50 ms", "p99 ms", "max ms", "text p99", "invoke p99", "answer p50", "answer p99", "req/s", "CPU ms");
        for (Latencies l : List.of(r.echo(), r.scimPilot())) {
            line(l);
        }
        System.out.printf(Locale.ROOT, "ratio SCIM Pilot / echo: p50 %.2fx, p99 %.2fx (goal <= %.1fx: %s), throughput %.2fx, "
                + "CPU per request %.2fx%n", r.p50Ratio(), r.p99Ratio(), P99_RATIO_GOAL, r.p99GoalMet() ? "met" : "MISSED",
                r.throughputRatio(), r.cpuRatio());
        double[] perRound = r.roundP99Ratios();
        System.out.printf(Locale.ROOT, "p99 ratio per round: %.2fx to %.2fx, median %.2fx%n", perRound[0],
                perRound[perRound.length - 1], percentile(perRound, 50));
        System.out.printf(Locale.ROOT, "text command answered (reply at the connector), p99 SCIM Pilot / echo: %.2fx%n",
                r.answerP99Ratio());
        System.out.printf(Locale.ROOT, "slowest SCIM Pilot acknowledgement %.0f ms (goal <= %.0f ms: %s)%n", r.scimPilot().maxMs(),
                MAX_ACK_GOAL_MS, r.ackGoalMet() ? "met" : "MISSED");
        System.out.println("per round:");
        r.rounds().forEach(MessagesBenchmark::line);
        System.out.printf(Locale.ROOT, "%d connector calls; %s; load average before %s, after %s%n", r.connectorCalls(),
                r.machine().describe(), r.loadBefore(), r.loadAfter());
    }

    private static void line(Latencies l) {
        System.out.printf(Locale.ROOT, "%-12s %8d %8d %9.1f %9.1f %9.1f %11.1f %11.1f %11.1f %11.1f %9.0f %8.2f%n", l.target(),
                l.requests(), l.failures(), l.p50Ms(), l.p99Ms(), l.maxMs(), l.textP99Ms(), l.invokeP99Ms(), l.answerP50Ms(),
                l.answerP99Ms(), l.perSecond(), l.cpuMsPerRequest());
    }

    public static Result run(Options options) throws Exception {
        // Replies to the fake connector: without TCP_NODELAY the JDK server's responses wait ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String loadBefore = Machine.loadAverage();
        List<String> users = IntStream.range(0, options.senders())
                .mapToObj(i -> String.format(Locale.ROOT, "a1b2c3d4-0000-4000-8000-%012d", 100 + i)).toList();
        try (FakeTeams teams = FakeTeams.startForLoad(16); Sandbox sandbox = Sandbox.start(0)) {
            ConfigurableApplicationContext pilot = start(teams, sandbox, users, false);
            ConfigurableApplicationContext echo = start(teams, sandbox, users, true);
            try {
                seedClients(pilot.getBean(ClientRegistry.class), 30);
                Target pilotTarget = new Target("SCIM Pilot", port(pilot));
                Target echoTarget = new Target("echo", port(echo));
                List<Sender> senders = IntStream.range(0, options.senders())
                        .mapToObj(i -> new Sender(i, users.get(i), teams)).toList();
                // warm-up rounds (JIT, connection pools, JWKS fetch), not counted
                for (int i = 0; i < 2; i++) {
                    round(echoTarget, senders, options.requestsPerSender());
                    round(pilotTarget, senders, options.requestsPerSender());
                }
                List<Sample> echoAll = new ArrayList<>();
                List<Sample> pilotAll = new ArrayList<>();
                List<Latencies> rounds = new ArrayList<>();
                double[] wall = new double[2];
                double[] cpu = new double[2];
                for (int i = 0; i < options.rounds(); i++) {
                    RoundResult e = round(echoTarget, senders, options.requestsPerSender());
                    RoundResult p = round(pilotTarget, senders, options.requestsPerSender());
                    echoAll.addAll(e.samples());
                    pilotAll.addAll(p.samples());
                    wall[0] += e.seconds();
                    wall[1] += p.seconds();
                    cpu[0] += e.cpuSeconds();
                    cpu[1] += p.cpuSeconds();
                    rounds.add(figures("echo #" + (i + 1), e.samples(), e.seconds(), e.cpuSeconds()));
                    rounds.add(figures("SCIM Pilot #" + (i + 1), p.samples(), p.seconds(), p.cpuSeconds()));
                }
                return new Result(options, figures("echo", echoAll, wall[0], cpu[0]),
                        figures("SCIM Pilot", pilotAll, wall[1], cpu[1]),
                        rounds, teams.connectorCallCount(), Machine.now(), loadBefore, Machine.loadAverage());
            } finally {
                echo.close();
                pilot.close();
            }
        }
    }

    // ---- the two applications -------------------------------------------------------------------

    /** Outbound connector calls carry a fixed token (the real token authority is not reachable offline). */
    static final class OfflineCredentials {
        @Bean
        @Primary
        AppCredentialsSource benchmarkAppCredentials() {
            return TestAppCredentials::new;
        }
    }

    private static ConfigurableApplicationContext start(FakeTeams teams, Sandbox sandbox, List<String> users, boolean echo) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bench-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--scimpilot.data-dir=target/bench-data",
                "--scimpilot.bot.app-id=" + APP_ID, "--scimpilot.bot.app-password=not-used-offline",
                "--scimpilot.bot.app-tenant-id=" + TeamsActivities.TENANT,
                "--scimpilot.bot.openid-metadata-url=" + teams.openIdMetadataUrl(),
                "--scimpilot.access.technicians=" + String.join(",", users),
                "--scimpilot.access.approvers=" + TeamsActivities.APPROVER_AAD,
                "--scimpilot.access.allowed-tenants=" + TeamsActivities.TENANT,
                // 50 people each sending as fast as the bot answers would trip the per-person limit at once
                "--scimpilot.access.commands-per-minute=1000000",
                "--scimpilot.scim.allowed-hosts=127.0.0.1", "--scimpilot.scim.allow-loopback=true",
                "--spring.main.banner-mode=off",
                // no unprompted expiry scan or watchdog round in the middle of the timed load
                "--scimpilot.reminders.startup-delay=PT10H", "--scimpilot.reminders.watchdog-interval=PT10H"));
        sandbox.scimPilotProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        List<Class<?>> sources = new ArrayList<>(List.of(ScimPilotApplication.class, OfflineCredentials.class));
        if (echo) {
            sources.add(EchoBot.Replacement.class);
        }
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A registry of {@code count} clients, so {@code clients} answers with a full card of 20 rows and a pager. */
    static void seedClients(ClientRegistry registry, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= count; i++) {
            String n = String.format(Locale.ROOT, "%03d", i);
            registry.save(new Client(UUID.randomUUID().toString(), "Benchmark Client " + n + " AG", 1000 + i,
                    "Benchmark Client " + n, "client" + n + ".example", UUID.randomUUID().toString(),
                    List.of("Benchmark Client " + n + " AG"), "All", "NinjaOne-EndUsers", UUID.randomUUID().toString(),
                    "NinjaOne", UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "scim.job." + n, "https://eu.ninjarmm.com/scim/" + n, "scim-token-" + n, "v1", now,
                    now.plus(Duration.ofDays(3 * i)), TeamsActivities.CONVERSATION, "Anna Technician", now, null, now));
        }
    }

    // ---- load -------------------------------------------------------------------------------------

    private record Target(String name, int port) {}

    /** {@code millis}: the HTTP answer; {@code answerMillis}: until the reply reached the connector (text commands). */
    private record Sample(boolean invoke, double millis, double answerMillis, boolean ok) {}

    /** {@code cpuSeconds}: CPU this JVM used during the round (application, load generator and fake connector). */
    private record RoundResult(List<Sample> samples, double seconds, double cpuSeconds) {}

    /** One simulated Teams user: its own conversation, token and HTTP connection. */
    private static final class Sender {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String token;
        final String text;
        final String invoke;
        final String conversation;
        final FakeTeams teams;

        Sender(int index, String aadObjectId, FakeTeams teams) {
            this.teams = teams;
            this.conversation = "a:1personal-load-" + index;
            this.token = "Bearer " + teams.token(APP_ID);
            TeamsActivities activities = new TeamsActivities(teams.serviceUrl());
            var message = activities.message("clients");
            var execute = activities.execute("client.page", activities.data().put("page", 2), "act-client-list-" + index);
            for (var a : List.of(message, execute)) {
                a.with("from").put("id", "29:1load-sender-" + index).put("name", "Load Sender " + index)
                        .put("aadObjectId", aadObjectId);
                a.with("conversation").put("id", conversation);
                a.put("id", "ACTIVITY_ID");
            }
            this.text = message.toString();
            this.invoke = execute.toString();
        }

        Sample send(Target target, boolean asInvoke) {
            String body = (asInvoke ? invoke : text).replace("ACTIVITY_ID", UUID.randomUUID().toString());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/api/messages"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long posted = teams.postsTo(conversation);
            long start = System.nanoTime();
            boolean ok;
            double ack;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                ack = (System.nanoTime() - start) / 1e6;
                ok = response.statusCode() / 100 == 2;
                // a person reads the answer before typing the next command: the invoke's answer is its response,
                // a message's is the reply the bot posts to the conversation
                if (ok && !asInvoke) {
                    ok = teams.awaitPostsTo(conversation, posted, Duration.ofSeconds(30));
                }
            } catch (java.io.IOException e) {
                ack = (System.nanoTime() - start) / 1e6;
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ack = (System.nanoTime() - start) / 1e6;
                ok = false;
            }
            return new Sample(asInvoke, ack, (System.nanoTime() - start) / 1e6, ok);
        }
    }

    /** Every sender sends {@code perSender} requests back to back (text and invoke in turn), all senders at once. */
    private static RoundResult round(Target target, List<Sender> senders, int perSender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Sample>>> futures = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                Sender sender = senders.get(s);
                int offset = s;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Sample> mine = new ArrayList<>(perSender);
                    for (int i = 0; i < perSender; i++) {
                        mine.add(sender.send(target, (i + offset) % 2 == 1));
                    }
                    return mine;
                }));
            }
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            go.countDown();
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> f : futures) {
                all.addAll(f.get());
            }
            return new RoundResult(all, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Latencies figures(String target, List<Sample> samples, double seconds, double cpuSeconds) {
        double[] all = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
        double[] text = samples.stream().filter(s -> !s.invoke()).mapToDouble(Sample::millis).sorted().toArray();
        double[] invoke = samples.stream().filter(Sample::invoke).mapToDouble(Sample::millis).sorted().toArray();
        double[] answers = samples.stream().filter(s -> !s.invoke()).mapToDouble(Sample::answerMillis).sorted().toArray();
        int failures = (int) samples.stream().filter(s -> !s.ok()).count();
        return new Latencies(target, all.length, failures, percentile(all, 50), percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1], all.length / seconds, percentile(text, 99), percentile(invoke, 99),
                percentile(answers, 50), percentile(answers, 99), all.length == 0 ? 0 : cpuSeconds * 1000 / all.length);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
