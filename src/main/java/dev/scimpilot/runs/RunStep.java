package dev.scimpilot.runs;

/**
 * One runbook step. {@code plan} only reads; {@code apply} changes the tenant and must be safe to run
 * twice (find what is there by the id recorded in the run, else by name, and reuse it); {@code verify}
 * confirms the end state after apply.
 */
public interface RunStep<P extends Record> {

    /** Stable id, recorded with the run (e.g. {@code dynamic-group}). */
    String id();

    /** Title for cards, naming the runbook step (e.g. "1 · Dynamic group"). */
    String title();

    StepPlan plan(RunContext<P> run);

    StepOutcome apply(RunContext<P> run);

    /**
     * False for bookkeeping steps (e.g. the client registry): they never touch the tenant, so a difference
     * from the approved plan does not need a new approval.
     */
    default boolean changesTenant() {
        return true;
    }

    /** Returns null when the end state is right, else what is wrong. */
    default String verify(RunContext<P> run) {
        return null;
    }
}
