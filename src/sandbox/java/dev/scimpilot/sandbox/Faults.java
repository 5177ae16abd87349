package dev.scimpilot.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Fault injection: failing calls (429 with Retry-After / 503), per-call latency, replication delay. */
public final class Faults {

    private record Failure(Pattern path, int status, int[] remaining) { }

    private final List<Failure> failures = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private int replicationDelayGets;

    Faults() {
    }

    /**
     * The next {@code count} calls whose path (with query) matches {@code pathRegex} (a find, not a full match) answer
     * {@code status}: 429 with Retry-After: 1, 503 with Retry-After: 1, or any other status with the service's error body.
     */
    public synchronized Faults failNext(int count, String pathRegex, int status) {
        failures.add(new Failure(Pattern.compile(pathRegex), status, new int[]{count}));
        return this;
    }

    /** Every call waits this long before it is answered (benchmarks, timeouts). */
    public Faults latency(Duration perCall) {
        this.latency = perCall == null ? Duration.ZERO : perCall;
        return this;
    }

    /**
     * After the next application instantiate, the new application and service principal (and the service
     * principal's sub-resources) answer {@code gets} GETs each with 404 Request_ResourceNotFound, as Entra does
     * while the objects replicate.
     */
    public synchronized Faults replicationDelay(int gets) {
        this.replicationDelayGets = gets;
        return this;
    }

    public synchronized Faults reset() {
        failures.clear();
        latency = Duration.ZERO;
        replicationDelayGets = 0;
        return this;
    }

    Duration latency() {
        return latency;
    }

    synchronized int replicationDelayGets() {
        return replicationDelayGets;
    }

    /** The status to fail this call with, or 0; consumes one matching failure. */
    synchronized int takeFailure(String pathAndQuery) {
        for (Failure f : failures) {
            if (f.remaining()[0] > 0 && f.path().matcher(pathAndQuery).find()) {
                f.remaining()[0]--;
                return f.status();
            }
        }
        return 0;
    }
}
