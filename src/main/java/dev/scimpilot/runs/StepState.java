package dev.scimpilot.runs;

/** Where one step of a run stands. SKIPPED means "already in place": nothing needed doing. */
public enum StepState {
    PENDING, RUNNING, DONE, SKIPPED, FAILED
}
