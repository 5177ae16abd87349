package dev.scimpilot.onboarding;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.entra.GraphProperties;
import dev.scimpilot.onboarding.steps.StepHarness;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * One Brennwald onboarding against the sandbox with 100 ms latency per call: Graph calls of the apply phase (the
 * engine's re-plan, apply and verify of every step, as after approval), the critical path (longest chain of Graph
 * calls that ran one after another) and the wall time. Not a test; run it with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.onboarding.OnboardingBenchmark}.
 */
public final class OnboardingBenchmark {

    static final Duration LATENCY = Duration.ofMillis(100);

    /** When each Graph call left and came back, seen by the client (the sandbox records no times). */
    public record Call(String method, String path, long start, long end) {}

    /** The figures of one run; {@link #print} shows them as the command line does. */
    public record Result(long graphCalls, long ninjaOneCalls, long scimCalls, int criticalPath, double wallMs,
            double nestedMs, double graphWallMs, List<Call> calls) {

        public static final int CRITICAL_PATH_GOAL = 15;

        /** Goal for the wall time: 1.2 x critical path x latency. */
        public double wallGoalMs() {
            return 1.2 * criticalPath * LATENCY.toMillis();
        }

        public double graphWallRatio() {
            return graphWallMs / (criticalPath * LATENCY.toMillis());
        }
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }

    public static Result run() throws Exception {
        // the JDK HttpServer writes headers and body separately; with Nagle on, each response with a body waits for the
        // client's delayed ACK (~40 ms), a sandbox artefact that would be counted as Graph latency
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        try (Sandbox sb = Sandbox.start(0); StepHarness h = new StepHarness(sb, timedGraph(sb, calls))) {
            // warm-up (JIT, connection pools) on another demo tenant, through the same code paths, without latency
            OnboardingParameters warmUp = h.client(dev.scimpilot.sandbox.DemoData.ALPENBLICK_COMPANY,
                    dev.scimpilot.sandbox.DemoData.ALPENBLICK_DOMAIN, dev.scimpilot.sandbox.DemoData.ALPENBLICK_TENANT_ID,
                    dev.scimpilot.sandbox.DemoData.ALPENBLICK_ORG_ID);
            for (RunStep<OnboardingParameters> step : h.steps) {
                h.run(step, warmUp);
            }
            h.newRun();
            OnboardingParameters p = h.brennwald();
            for (RunStep<OnboardingParameters> step : h.steps) {
                h.plan(step, p); // planning before approval: not measured
            }
            sb.faults().latency(LATENCY);
            calls.clear();
            int before = sb.requests().size();
            long t0 = System.nanoTime();
            for (RunStep<OnboardingParameters> step : h.steps) {
                h.run(step, p); // what RunExecutor does per step: re-plan, apply a change, verify
            }
            long wall = System.nanoTime() - t0;
            sb.faults().latency(Duration.ZERO);
            List<Sandbox.RecordedRequest> seen = sb.requests().subList(before, sb.requests().size());
            long graph = seen.stream().filter(r -> r.path().startsWith("/graph/")).count();
            long ninja = seen.stream().filter(r -> r.path().startsWith("/ninjaone/")).count();
            long scim = seen.stream().filter(r -> r.path().startsWith("/scim/")).count();
            List<Call> measured = List.copyOf(calls);
            double wallMs = wall / 1e6;
            // start, provisionOnDemand and validateCredentials make the sandbox call its own SCIM endpoint before it
            // answers (real Graph starts the cycle asynchronously); that nested time is not a Graph round trip
            double nested = measured.stream().filter(c -> c.path().matches(".*/(start|provisionOnDemand|validateCredentials)$"))
                    .mapToDouble(c -> (c.end() - c.start()) / 1e6 - LATENCY.toMillis()).sum();
            return new Result(graph, ninja, scim, criticalPath(measured), wallMs, nested,
                    wallMs - nested - ninja * LATENCY.toMillis(), measured);
        }
    }

    public static void print(Result r) {
        System.out.printf("Graph calls (apply phase): %d   [also %d NinjaOne API calls, %d SCIM calls the simulated "
                + "provisioning service made]%n", r.graphCalls(), r.ninjaOneCalls(), r.scimCalls());
        System.out.printf("critical path: %d round trips   (goal <= %d: %s)%n", r.criticalPath(), Result.CRITICAL_PATH_GOAL,
                r.criticalPath() <= Result.CRITICAL_PATH_GOAL ? "met" : "MISSED");
        System.out.printf("wall (apply phase): %.0f ms   (goal <= 1.2 x %d x %d ms = %.0f ms: %s)%n", r.wallMs(), r.criticalPath(),
                LATENCY.toMillis(), r.wallGoalMs(), r.wallMs() <= r.wallGoalMs() ? "met" : "MISSED");
        System.out.printf("  of which inside start/provisionOnDemand/validateCredentials beyond one round trip: %.0f ms;"
                + " NinjaOne API calls: %d x %d ms%n", r.nestedMs(), r.ninjaOneCalls(), LATENCY.toMillis());
        System.out.printf("wall of the Graph round trips alone: %.0f ms = %.2f x critical path x latency%n", r.graphWallMs(),
                r.graphWallRatio());
        System.out.println("Graph calls in order (start ms, duration ms):");
        long origin = r.calls().stream().mapToLong(Call::start).min().orElse(0);
        r.calls().stream().sorted(java.util.Comparator.comparingLong(Call::start)).forEach(c -> System.out.printf(
                "  %6.0f %5.0f  %s %s%n", (c.start() - origin) / 1e6, (c.end() - c.start()) / 1e6, c.method(), c.path()));
    }

    /** Longest chain of calls where each started after the previous one ended (overlapping calls ran side by side). */
    static int criticalPath(List<Call> calls) {
        List<Call> sorted = new ArrayList<>(calls);
        sorted.sort(java.util.Comparator.comparingLong(Call::end));
        int[] chain = new int[sorted.size()];
        int best = 0;
        for (int i = 0; i < sorted.size(); i++) {
            chain[i] = 1;
            for (int j = 0; j < i; j++) {
                if (sorted.get(j).end() <= sorted.get(i).start()) {
                    chain[i] = Math.max(chain[i], chain[j] + 1);
                }
            }
            best = Math.max(best, chain[i]);
        }
        return best;
    }

    /** The production client stack (Graph middleware: retry, redirect) plus a timing interceptor, per tenant. */
    static GraphClients timedGraph(Sandbox sb, List<Call> calls) {
        var binder = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(sb.scimPilotProperties()));
        Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();
        return new GraphClients(binder.bind("scimpilot.graph", GraphProperties.class).get(),
                binder.bind("scimpilot.entra", EntraProperties.class).get()) {
            @Override
            public GraphServiceClient forTenant(String tenantId) {
                return clients.computeIfAbsent(tenantId, t -> client(sb, t, calls));
            }
        };
    }

    private static GraphServiceClient client(Sandbox sb, String tenantId, List<Call> calls) {
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return sb.graphToken(tenantId);
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("127.0.0.1");
            }
        };
        OkHttpClient http = GraphClientFactory.create().addInterceptor(chain -> {
            long start = System.nanoTime();
            okhttp3.Response r = chain.proceed(chain.request());
            r.peekBody(Long.MAX_VALUE); // the call ends when its body has arrived, not its headers
            calls.add(new Call(chain.request().method(), chain.request().url().encodedPath(), start, System.nanoTime()));
            return r;
        }).build();
        GraphServiceClient g = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
        g.getRequestAdapter().setBaseUrl(sb.graphBaseUrl());
        return g;
    }
}
