package dev.scimpilot.health;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code check provisioning all} for 500 sandbox clients (copies of the onboarded Rheintal tenant, each with its own
 * tenant id, domain and NinjaOne organization) with 100 ms per Graph/NinjaOne call, timed twice in one run: with the
 * configured concurrency, and one client after the other. Prints both, the ratio (goal >= 15x) and the peak number of
 * requests one tenant had in flight (must not exceed {@code scimpilot.health.max-requests-per-tenant}). The whole
 * application runs (in-memory H2, no Teams); only the chat round trip is left out. Not a test; run it with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.health.FleetCheckBenchmark}
 * ({@code -Dbench.clients=N} for fewer clients).
 */
public final class FleetCheckBenchmark {

    /** The figures of one run, as the performance report collects them ({@code dev.scimpilot.perf.PerformanceReport}). */
    public record Figures(int clients, long latencyMs, int requestsPerCheck, double concurrentSeconds,
            double sequentialSeconds, double ratio, String ratioGoal, int peakPerTenant, int perTenantLimit,
            String perTenantGoal, boolean bothRunsAgree) {}

    static final Duration LATENCY = Duration.ofMillis(100);

    public static void main(String[] args) throws Exception {
        Figures f = run();
        System.out.printf("clients: %d (copies of Rheintal), latency %d ms per Graph/NinjaOne call, %d requests per check "
                + "(%.1f per client)%n", f.clients(), f.latencyMs(), f.requestsPerCheck(), f.requestsPerCheck() / (double) f.clients());
        System.out.printf("check provisioning all, configured concurrency: %.1f s%n", f.concurrentSeconds());
        System.out.printf("same clients one after the other:             %.1f s%n", f.sequentialSeconds());
        System.out.printf("ratio: %.1fx   (goal >= 15x: %s)%n", f.ratio(), f.ratioGoal());
        System.out.printf("peak requests in flight per tenant: %d   (limit %d: %s)%n", f.peakPerTenant(), f.perTenantLimit(),
                f.perTenantGoal());
        System.out.printf("both runs found the same: %s%n", f.bothRunsAgree());
        System.exit(0);
    }

    /** Runs the benchmark once and returns its figures (prints the limits and results as it goes). */
    public static Figures run() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see OnboardingBenchmark: no Nagle/delayed-ACK artefact
        int n = Integer.getInteger("bench.clients", 500);
        // the injected latency sleeps on a sandbox request thread: enough threads that the sandbox is never the limit
        try (Sandbox sb = Sandbox.start(0, 256)) {
            Map<String, Object> props = new HashMap<>(sb.scimPilotProperties());
            props.put("scimpilot.scim.allowed-hosts", "127.0.0.1");
            props.put("scimpilot.scim.allow-loopback", "true");
            props.put("spring.datasource.url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            props.put("server.port", "0");
            props.put("logging.level.root", "WARN");
            // the unprompted expiry scan and watchdog would walk the same 500 clients during the timed checks
            props.put("scimpilot.reminders.startup-delay", "PT10H");
            props.put("scimpilot.reminders.watchdog-interval", "PT10H");
            props.put("logging.level.audit", "WARN");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ScimPilotApplication.class)
                    .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
                // command-line arguments: above application.yml, as the environment variables of a deployment would be
                ClientRegistry registry = app.getBean(ClientRegistry.class);
                SecretVault vault = app.getBean(SecretVault.class);
                FleetCheck fleet = app.getBean(FleetCheck.class);
                RequestLimiter limiter = app.getBean(RequestLimiter.class);
                HealthProperties limits = app.getBean(HealthProperties.class);
                List<Client> clients = new ArrayList<>();
                String scimUrl = sb.scimBaseUrl(DemoData.RHEINTAL_ORG_ID);
                for (int i = 0; i < n; i++) {
                    String tenant = String.format("%08x-0000-4000-8000-%012x", 0x5ca1ab1e, i);
                    String name = "Bench Client " + i + " AG";
                    String domain = "bench-" + i + ".ch";
                    long org = 10_000 + i;
                    sb.state().copyTenant(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_ORG_ID, tenant, name, domain, org);
                    Instant now = Instant.now();
                    SecretRef ref = vault.put("scim-bench-" + i, Secret.of("bench-token-" + i), now.plus(90, ChronoUnit.DAYS));
                    Client c = new Client("bench-" + i, name, org, name, domain, tenant, List.of(DemoData.RHEINTAL_COMPANY), "All",
                            "NinjaOne-EndUsers", DemoData.RHEINTAL_GROUP_ID, "NinjaOne SCIM", DemoData.RHEINTAL_APP_OBJECT_ID,
                            DemoData.RHEINTAL_APP_ID, DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, scimUrl, ref.name(),
                            ref.version(), now.minus(60, ChronoUnit.DAYS), now.plus(i % 180, ChronoUnit.DAYS), "bench", "bench",
                            now, null, now);
                    registry.save(c);
                    clients.add(c);
                }
                // warm-up (JIT, connection pools, Graph clients) on a few clients without latency
                fleet.all(clients.subList(0, Math.min(20, n)));

                sb.faults().latency(LATENCY);
                limiter.resetPeaks();
                int before = sb.requests().size();
                long t0 = System.nanoTime();
                List<ClientHealth> parallel = fleet.all(clients);
                double parallelMs = (System.nanoTime() - t0) / 1e6;
                int requests = sb.requests().size() - before;
                int peakParallel = limiter.peakPerTenant();

                limiter.resetPeaks();
                t0 = System.nanoTime();
                List<ClientHealth> sequential = fleet.all(clients, 1);
                double sequentialMs = (System.nanoTime() - t0) / 1e6;
                int peakSequential = limiter.peakPerTenant();

                Map<String, Long> overall = parallel.stream().collect(Collectors.groupingBy(ClientHealth::overall, Collectors.counting()));
                boolean same = overall.equals(sequential.stream().collect(Collectors.groupingBy(ClientHealth::overall, Collectors.counting())));
                double ratio = sequentialMs / parallelMs;
                int peak = Math.max(peakParallel, peakSequential);
                System.out.printf("limits: clients-at-once %d, max-requests %d, max-requests-per-tenant %d; results %s%n",
                        limits.clientsAtOnce(), limits.maxRequests(), limits.maxRequestsPerTenant(), overall);
                parallel.stream().filter(h -> h.overall().equals("unreachable")).findFirst()
                        .ifPresent(h -> System.out.println("e.g. unreachable: " + h.findings().get(0).detail()));
                return new Figures(n, LATENCY.toMillis(), requests, parallelMs / 1000, sequentialMs / 1000, ratio,
                        ratio >= 15 ? "met" : "MISSED", peak, limits.maxRequestsPerTenant(),
                        peak <= limits.maxRequestsPerTenant() ? "never exceeded" : "EXCEEDED", same);
            }
        }
    }
}
