package dev.scimpilot.runs;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a run. Terminal states never change again. */
public enum RunStatus {
    DRAFT, PLANNED, AWAITING_APPROVAL, APPROVED, RUNNING, SUCCEEDED, FAILED, REJECTED, EXPIRED, CANCELLED,
    /** Paused at a human step until a technician answers its card (or someone cancels the run). */
    WAITING;

    private static final Set<RunStatus> TERMINAL = EnumSet.of(SUCCEEDED, REJECTED, EXPIRED, CANCELLED);

    /** FAILED is not terminal: {@code retry run} resumes it from the failed step. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public String label() {
        if (this == WAITING) {
            return "waiting for you";
        }
        return name().toLowerCase().replace('_', ' ');
    }
}
