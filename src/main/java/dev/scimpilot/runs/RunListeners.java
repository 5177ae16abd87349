package dev.scimpilot.runs;

import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Fans run changes out to every {@link RunListener}; a failing listener (e.g. Teams down) never breaks a run. */
@Component
class RunListeners {

    private static final Logger log = LoggerFactory.getLogger(RunListeners.class);
    private final ObjectProvider<RunListener> listeners;

    RunListeners(ObjectProvider<RunListener> listeners) {
        this.listeners = listeners;
    }

    void runChanged(Run run) {
        for (RunListener listener : listeners.orderedStream().toList()) {
            try {
                listener.runChanged(run);
            } catch (RuntimeException e) {
                log.warn("run={} listener {} failed: {}", run.shortId(), listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    void runStillWaiting(Run run, Run.Step waiting) {
        for (RunListener listener : listeners.orderedStream().toList()) {
            try {
                listener.runStillWaiting(run, waiting);
            } catch (RuntimeException e) {
                log.warn("run={} reminder by {} failed: {}", run.shortId(), listener.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
