package dev.scimpilot.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs message turns after {@code /api/messages} has acknowledged them, so Teams never waits for a registry read or
 * a card post (and never retries a message because the bot was slow). Turns of one conversation run one after
 * another in arrival order; different conversations run side by side on {@code scimpilot.turns.threads} threads.
 * Invokes do not come here: their answer is the HTTP response.
 *
 * <p>Back-pressure: when more than {@code scimpilot.turns.max-queued} turns wait, the request that queued one more
 * waits for it ({@link #overloaded()}), so a burst slows acknowledgements down instead of growing memory.
 *
 * <p>A turn lives only in memory between the acknowledgement and its end: a crash in that window loses the command
 * (the user sees no answer and types it again). Nothing that changes a tenant is lost that way: tenant changes are
 * durable runs, and the approval that starts one is an invoke.
 */
@Component
public class TurnQueue implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TurnQueue.class);

    private final TurnProperties properties;
    private final ThreadPoolExecutor executor;
    /** The last queued turn of each conversation; the next one starts when it ends. */
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicLong failed = new AtomicLong();
    private final Object idle = new Object();
    private volatile boolean running;

    public TurnQueue(TurnProperties properties) {
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "turn-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code turn} behind the unfinished turns of {@code conversationId}. The future completes when the turn
     * has ended (a failure is logged and counted, never thrown at the caller).
     */
    public CompletableFuture<Void> submit(String conversationId, Runnable turn) {
        unfinished.incrementAndGet();
        CompletableFuture<Void> mine = tails.compute(conversationId, (key, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .handleAsync((ignored, error) -> {
                            run(turn);
                            return null;
                        }, executor));
        mine.whenComplete((ignored, error) -> {
            if (error != null) { // only a rejected start: run() catches what the turn throws
                failed.incrementAndGet();
                log.error("turn could not run", error);
            }
            tails.remove(conversationId, mine);
            if (unfinished.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        });
        return mine;
    }

    private void run(Runnable turn) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.error("turn failed", e);
        }
    }

    /** More turns wait than {@code scimpilot.turns.max-queued}: the caller should wait for its own. */
    public boolean overloaded() {
        return unfinished.get() > properties.maxQueued();
    }

    /** Turns acknowledged and not yet ended. */
    public int unfinished() {
        return unfinished.get();
    }

    /** Turns that ended with an exception the adapter's error handler did not catch. */
    public long failed() {
        return failed.get();
    }

    /** Waits until no turn is queued or running; false if that did not happen within {@code timeout}. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (unfinished.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * On shutdown, turns already acknowledged get {@code scimpilot.turns.drain-timeout} to finish. The threads stay
     * (a stopped context may be started again, as the test framework does with cached contexts); {@link #destroy}
     * ends them.
     */
    @Override
    public void stop() {
        running = false;
        if (!awaitIdle(properties.drainTimeout())) {
            log.warn("{} acknowledged turns did not finish before shutdown", unfinished.get());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server's graceful shutdown (no new requests; phase {@code DEFAULT_PHASE - 1024}) and
     * before the database goes (beans are destroyed after every lifecycle has stopped).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }
}
