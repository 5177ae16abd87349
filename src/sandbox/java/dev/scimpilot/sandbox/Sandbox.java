package dev.scimpilot.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated Microsoft Graph, Entra login, NinjaOne API and NinjaOne SCIM endpoints on one loopback port, with demo
 * client tenants, so the real Graph SDK and NinjaOne client run against it in local mode and tests.
 */
public final class Sandbox implements AutoCloseable {

    /** One request as the sandbox received it (for assertions such as "one token request"). */
    public record RecordedRequest(String method, String path, String query, boolean bearer) { }

    private static final int MAX_RECORDED = 10_000;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxState state = new SandboxState();
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final GraphApi graph;
    private final LoginApi login = new LoginApi(state);
    private final NinjaOneApi ninjaOne = new NinjaOneApi(state);
    private final NinjaScimApi scim = new NinjaScimApi(state);
    private final ControlApi control = new ControlApi(this);

    private Sandbox(HttpServer server, int threads) {
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        // several threads: provisioning calls the SCIM endpoint on this same server while a Graph call is open
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.graph = new GraphApi(state, faults, new ProvisioningEngine(state));
    }

    /** Starts on 127.0.0.1 (port 0 = a free port) with the demo data loaded. */
    public static Sandbox start(int port) {
        return start(port, 16);
    }

    /**
     * Starts with {@code threads} request threads: injected latency sleeps on a request thread, so a benchmark that
     * sends hundreds of requests at once needs more than the default 16 to measure the client, not the sandbox.
     */
    public static Sandbox start(int port, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            Sandbox sb = new Sandbox(server, threads);
            server.createContext("/", sb::dispatch);
            server.setExecutor(sb.executor);
            server.start();
            sb.state.baseUrl = sb.baseUrl();
            DemoData.load(sb.state);
            return sb;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on port " + port, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String graphBaseUrl() {
        return baseUrl() + "/graph/v1.0";
    }

    public String graphBetaBaseUrl() {
        return baseUrl() + "/graph/beta";
    }

    /** The Entra authority host: {authorityHost}/{domain-or-tenant}/v2.0/.well-known/openid-configuration. */
    public String authorityHost() {
        return baseUrl() + "/login";
    }

    public String ninjaOneBaseUrl() {
        return baseUrl() + "/ninjaone";
    }

    /** The SCIM endpoint of the identity provider of a NinjaOne organization (SCIM must be enabled for it). */
    public String scimBaseUrl(long ninjaOrganizationId) {
        return state.scimIdentityProvider(ninjaOrganizationId).orElseThrow(() -> new IllegalArgumentException(
                "SCIM is not enabled for NinjaOne organization " + ninjaOrganizationId)).scimBaseUrl();
    }

    /**
     * SCIM Pilot's configuration for running against this sandbox (local mode, Spring tests): Graph with local
     * tokens, the sandbox authority host, NinjaOne with the demo API client.
     */
    public Map<String, String> scimPilotProperties() {
        return Map.of("scimpilot.graph.base-url", graphBaseUrl(), "scimpilot.graph.auth", "local",
                "scimpilot.entra.authority-host", authorityHost(), "scimpilot.ninjaone.base-url", ninjaOneBaseUrl(),
                "scimpilot.ninjaone.client-id", DemoData.NINJA_CLIENT_ID,
                "scimpilot.ninjaone.client-secret", DemoData.NINJA_CLIENT_SECRET);
    }

    public SandboxState state() {
        return state;
    }

    public Faults faults() {
        return faults;
    }

    /** A valid unsigned Graph access token for a sandbox tenant (what LocalTokenCredential-style sources issue). */
    public String graphToken(String tenantId) {
        return LoginApi.unsignedGraphToken(tenantId, "scim-pilot-sandbox", Duration.ofHours(1).toSeconds());
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange http) {
        Exchange ex = new Exchange(http);
        ex.header("request-id", ex.requestId);
        ex.header("client-request-id", ex.header("client-request-id") == null ? ex.requestId : ex.header("client-request-id"));
        String query = http.getRequestURI().getRawQuery();
        synchronized (requests) {
            if (requests.size() >= MAX_RECORDED) {
                // local mode runs for hours: keep the recent past only
                requests.subList(0, MAX_RECORDED / 2).clear();
            }
            requests.add(new RecordedRequest(ex.method, ex.path, query, ex.bearer() != null));
        }
        try {
            if (!ex.path.startsWith("/_sandbox") && injectFault(ex, query)) {
                return;
            }
            if (ex.path.startsWith("/graph/")) {
                graph.handle(ex);
            } else if (ex.path.startsWith("/login/")) {
                login.handle(ex);
            } else if (ex.path.startsWith("/ninjaone/")) {
                ninjaOne.handle(ex);
            } else if (ex.path.startsWith("/scim/")) {
                scim.handle(ex);
            } else if (ex.path.startsWith("/_sandbox/")) {
                control.handle(ex);
            } else {
                ex.respond(404, Json.obj().put("error", "The sandbox serves /graph, /login, /ninjaone, /scim and /_sandbox."));
            }
        } catch (GraphError e) {
            GraphApi.error(ex, e.status, e.code, e.getMessage());
        } catch (RuntimeException e) {
            GraphApi.error(ex, 500, "InternalServerError", "Sandbox failure: " + e);
        } finally {
            if (!ex.answered()) {
                ex.respond(500, Json.obj().put("error", "no response"));
            }
        }
    }

    private boolean injectFault(Exchange ex, String query) {
        long delay = faults.latency().toMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = faults.takeFailure(ex.path + (query == null ? "" : "?" + query));
        if (status == 0) {
            return false;
        }
        if (status == 429 || status == 503) {
            ex.header("Retry-After", "1");
        }
        String code = status == 429 ? "TooManyRequests" : status == 503 ? "ServiceUnavailable" : "InjectedFault";
        GraphApi.error(ex, status, code, "Injected by the sandbox fault settings.");
        return true;
    }

    /** Runs the sandbox alone (local mode, Node/Playwright tests): {@code Sandbox [port]}, default 5077. */
    public static void main(String[] args) throws InterruptedException {
        Sandbox sb = start(args.length > 0 ? Integer.parseInt(args[0]) : 5077);
        System.out.println("SCIM Pilot sandbox at " + sb.baseUrl() + " (Graph " + sb.graphBaseUrl() + ", NinjaOne "
                + sb.ninjaOneBaseUrl() + ")");
        Thread.currentThread().join();
    }
}
