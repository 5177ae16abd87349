package dev.scimpilot.chat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-only work a click starts but Teams must not wait for (preflight reads a whole tenant; an invoke
 * must answer within seconds). Tenant changes never run here: they are durable run steps.
 */
@Component
public class BackgroundWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "chat-work-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work}; a failure is logged and handed to {@code onFailure} (which tells the user). */
    public void submit(String what, Runnable work, java.util.function.Consumer<RuntimeException> onFailure) {
        executor.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed", what, e);
                try {
                    onFailure.accept(e);
                } catch (RuntimeException nested) {
                    log.warn("could not report the failure of {}", what, nested);
                }
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
