package dev.scimpilot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The limiter never lets a tenant have more requests in flight than configured, nor all tenants more than the global bound. */
class RequestLimiterTests {

    @Test
    void perTenantAndGlobalBoundsHoldUnderContention() throws Exception {
        RequestLimiter limiter = new RequestLimiter(new HealthProperties(8, 6, 2, false));
        AtomicInteger globalNow = new AtomicInteger();
        AtomicInteger globalPeak = new AtomicInteger();
        AtomicInteger[] tenantNow = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        AtomicInteger tenantPeak = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int tenant = i % 4;
            calls.add(pool.submit(() -> {
                go.await();
                return limiter.call("t" + tenant, () -> {
                    globalPeak.accumulateAndGet(globalNow.incrementAndGet(), Math::max);
                    tenantPeak.accumulateAndGet(tenantNow[tenant].incrementAndGet(), Math::max);
                    Thread.yield();
                    tenantNow[tenant].decrementAndGet();
                    globalNow.decrementAndGet();
                    return null;
                });
            }));
        }
        go.countDown();
        for (Future<?> f : calls) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(tenantPeak.get()).isLessThanOrEqualTo(2);
        assertThat(globalPeak.get()).isLessThanOrEqualTo(6);
        assertThat(limiter.peakPerTenant()).isBetween(1, 2);
    }

    @Test
    void aFailingCallGivesItsSlotsBack() {
        RequestLimiter limiter = new RequestLimiter(new HealthProperties(1, 1, 1, false));
        for (int i = 0; i < 3; i++) {
            try {
                limiter.call("t", () -> {
                    throw new IllegalStateException("Graph said no");
                });
            } catch (IllegalStateException expected) {
                // the next call must not block
            }
        }
        assertThat(limiter.call("t", () -> "still free")).isEqualTo("still free");
    }
}
