package dev.scimpilot.runs;

/** Told whenever a run changes (planned, decided, a step moved, finished), e.g. to update its card. */
public interface RunListener {

    void runChanged(Run run);
}
