package dev.scimpilot.runs;

/**
 * Where one step of a run stands. SKIPPED means "already in place": nothing needed doing. WAITING: a human step
 * waits for a person's answer (the run is {@link RunStatus#WAITING}).
 */
public enum StepState {
    PENDING, RUNNING, DONE, SKIPPED, FAILED, WAITING
}
