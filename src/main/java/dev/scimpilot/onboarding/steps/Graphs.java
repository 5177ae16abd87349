package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Graph plumbing the steps share: 404 detection, bounded polls, independent calls side by side, raw PUT. */
final class Graphs {

    /** First wait of a poll (tests shorten it); doubles up to {@link #POLL_MAX_WAIT}; gives up after {@link #POLL_BUDGET}. */
    static Duration pollFirstWait = Duration.ofMillis(250);
    static final Duration POLL_MAX_WAIT = Duration.ofSeconds(10);
    /** graph-api.md §4: replication "is not instant"; retry on 404 for a few minutes at most. */
    static final Duration POLL_BUDGET = Duration.ofMinutes(3);

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Calls that do not depend on each other go out together: fewer round trips on the run's critical path. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "onboarding-graph-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Graphs() {}

    static boolean notFound(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof ODataError o && o.getResponseStatusCode() == 404;
    }

    static RuntimeException unwrapped(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Repeats {@code call} while it answers 404 (an object that has not replicated yet), with a bounded back-off. */
    static <T> T untilFound(String what, Supplier<T> call) {
        long deadline = System.nanoTime() + POLL_BUDGET.toNanos();
        Duration wait = pollFirstWait;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!notFound(e) || System.nanoTime() + wait.toNanos() > deadline) {
                    if (notFound(e)) {
                        throw new IllegalStateException(what + " is still not visible after " + POLL_BUDGET.toMinutes()
                                + " minutes (Entra replication); retry the run in a few minutes.", e);
                    }
                    throw e;
                }
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(POLL_MAX_WAIT) > 0 ? POLL_MAX_WAIT : wait.multipliedBy(2);
        }
    }

    /** Repeats {@code check} until it is true, with the same bounded back-off; false when the budget ran out. */
    static boolean until(Supplier<Boolean> check) {
        long deadline = System.nanoTime() + POLL_BUDGET.toNanos();
        Duration wait = pollFirstWait;
        while (!Boolean.TRUE.equals(check.get())) {
            if (System.nanoTime() + wait.toNanos() > deadline) {
                return false;
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(POLL_MAX_WAIT) > 0 ? POLL_MAX_WAIT : wait.multipliedBy(2);
        }
        return true;
    }

    static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, POOL);
    }

    static CompletableFuture<Void> asyncRun(Runnable call) {
        return CompletableFuture.runAsync(call, POOL);
    }

    /** Waits for all and rethrows the first failure as the original Graph exception. */
    static void join(List<? extends CompletableFuture<?>> calls) {
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw unwrapped(e);
        }
    }

    static <T> T get(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw unwrapped(e);
        }
    }

    /** PUT of a request the SDK only builds as PATCH (the synchronization schema: graph-api.md §6d). */
    static void put(GraphServiceClient g, RequestInformation patch) {
        patch.httpMethod = HttpMethod.PUT;
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        g.getRequestAdapter().sendPrimitive(patch, errors, Void.class);
    }

    /** An OData string literal: single quotes doubled. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Entra", e);
        }
    }
}
