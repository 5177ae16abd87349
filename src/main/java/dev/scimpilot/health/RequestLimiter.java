package dev.scimpilot.health;

import dev.scimpilot.entra.TenantRequestGate;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds concurrent requests globally and per tenant (Graph: per client tenant, NinjaOne: one tenant of its own),
 * so a fleet check of 500 clients never sends a tenant more than {@code maxRequestsPerTenant} requests at once. It
 * sits inside the Graph SDK's retry handler: a 429 with Retry-After gives its slot back while it waits. Also counts
 * the peak concurrency per tenant, which the benchmark reports.
 */
@Component
public class RequestLimiter implements TenantRequestGate {

    /** The key NinjaOne calls are limited under. */
    public static final String NINJAONE = "ninjaone";
    private final Semaphore global;
    private final int perTenant;
    private final Map<String, Slots> tenants = new ConcurrentHashMap<>();

    public RequestLimiter(HealthProperties properties) {
        this.global = new Semaphore(properties.maxRequests(), true);
        this.perTenant = properties.maxRequestsPerTenant();
    }

    private static final class Slots {
        final Semaphore permits;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        Slots(int n) {
            permits = new Semaphore(n, true);
        }
    }

    @Override
    public okhttp3.Interceptor forTenant(String tenantId) {
        return chain -> {
            try {
                return call(tenantId, () -> {
                    try {
                        return chain.proceed(chain.request());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof InterruptedException) {
                    throw new InterruptedIOException("interrupted while waiting for a request slot");
                }
                throw e;
            }
        };
    }

    /** Runs {@code call} holding a global slot and a slot of {@code tenant}. */
    public <T> T call(String tenant, Supplier<T> call) {
        Slots slots = tenants.computeIfAbsent(tenant, t -> new Slots(perTenant));
        try {
            global.acquire();
            try {
                slots.permits.acquire();
            } catch (InterruptedException e) {
                global.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request slot", e);
        }
        int now = slots.inFlight.incrementAndGet();
        slots.peak.accumulateAndGet(now, Math::max);
        try {
            return call.get();
        } finally {
            slots.inFlight.decrementAndGet();
            slots.permits.release();
            global.release();
        }
    }

    /** The most requests one tenant ever had in flight at once (benchmark figure). */
    public int peakPerTenant() {
        return tenants.values().stream().mapToInt(s -> s.peak.get()).max().orElse(0);
    }

    /** Forgets the peaks (before a measured run). */
    public void resetPeaks() {
        tenants.values().forEach(s -> s.peak.set(0));
    }
}
