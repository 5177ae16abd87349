package dev.scimpilot.runs;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a run. Terminal states never change again. */
public enum RunStatus {
    DRAFT, PLANNED, AWAITING_APPROVAL, APPROVED, RUNNING, SUCCEEDED, FAILED, REJECTED, EXPIRED, CANCELLED;

    private static final Set<RunStatus> TERMINAL = EnumSet.of(SUCCEEDED, REJECTED, EXPIRED, CANCELLED);

    /** FAILED is not terminal: {@code retry run} resumes it from the failed step. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
