package dev.scimpilot.runs;

/** Told whenever a run changes (planned, decided, a step moved, finished), e.g. to update its card. */
public interface RunListener {

    void runChanged(Run run);

    /**
     * A run has waited for a person (a human step) longer than {@code scimpilot.runs.remind-waiting-after};
     * remind its requester. Called once per reminder period, on one replica.
     */
    default void runStillWaiting(Run run, Run.Step waiting) {}
}
