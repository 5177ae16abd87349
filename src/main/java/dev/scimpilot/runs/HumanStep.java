package dev.scimpilot.runs;

import java.util.Map;

/**
 * A step a person does outside SCIM Pilot (NinjaOne has no API for its identity providers), in the shape of a
 * StackStorm inquiry: when an approved run reaches it, the run pauses ({@link RunStatus#WAITING}), a card tells
 * the technician exactly what to do, what to copy and what to paste back; the answer is checked here on the
 * server, recorded with who gave it and when, and the run resumes. {@code plan} returns
 * {@link StepPlan#human(String)} while the person is needed, or "already in place" when the tenant shows it is done.
 */
public interface HumanStep<P extends Record> extends RunStep<P> {

    /** What the person must do, built from the run's parameters and the facts earlier steps recorded. */
    HumanTask task(RunContext<P> run);

    /**
     * Checks the answer (the engine has already checked that required inputs are there) and turns it into facts
     * for later steps. Secret inputs go to the vault here; only the vault reference may appear in the facts.
     * Must not change the tenant: a refused answer changes nothing.
     */
    Accepted accept(RunContext<P> run, HumanAnswer answer);

    /** A human step is answered, never applied by the engine. */
    @Override
    default StepOutcome apply(RunContext<P> run) {
        throw new IllegalStateException(title() + " is done by a person; the run waits for their answer");
    }

    /** What an accepted answer adds to the run: a sentence for the progress card (never a secret) and facts. */
    record Accepted(String did, Map<String, String> facts) {}

    /** An answer that is wrong: the message goes back to the person on the card, and nothing is recorded. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
