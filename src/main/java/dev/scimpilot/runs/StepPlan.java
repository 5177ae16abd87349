package dev.scimpilot.runs;

import java.util.Map;

/**
 * What a step would do, found read-only: already in place (with the ids it found), a change (what and
 * the full details, e.g. the whole membership rule), or blocked (and why).
 */
public sealed interface StepPlan {

    String summary();

    /** Ids the plan found in the tenant (e.g. an existing group's id); recorded as run facts. */
    Map<String, String> found();

    record InPlace(String summary, Map<String, String> found) implements StepPlan {}

    /** {@code creates}: makes something new (a group, an app) rather than changing what exists. */
    record Change(String summary, String details, Map<String, String> found, boolean creates) implements StepPlan {}

    /** A person does this step (see {@link HumanStep}); the run pauses for them after approval. */
    record Human(String summary) implements StepPlan {
        @Override
        public Map<String, String> found() {
            return Map.of();
        }
    }

    record Blocked(String summary) implements StepPlan {
        @Override
        public Map<String, String> found() {
            return Map.of();
        }
    }

    static StepPlan inPlace(String summary, Map<String, String> found) {
        return new InPlace(summary, found);
    }

    /** Changes something that exists (found ids are recorded). */
    static StepPlan change(String summary, String details, Map<String, String> found) {
        return new Change(summary, details, found, false);
    }

    static StepPlan change(String summary, String details) {
        return new Change(summary, details, Map.of(), false);
    }

    static StepPlan create(String summary, String details) {
        return new Change(summary, details, Map.of(), true);
    }

    static StepPlan human(String whatThePersonDoes) {
        return new Human(whatThePersonDoes);
    }

    static StepPlan blocked(String reason) {
        return new Blocked(reason);
    }

    /** Stored with the step: IN_PLACE, CREATE, CHANGE, HUMAN or BLOCKED. */
    default String kind() {
        if (this instanceof Change c) {
            return c.creates() ? "CREATE" : "CHANGE";
        }
        if (this instanceof Human) {
            return "HUMAN";
        }
        return this instanceof InPlace ? "IN_PLACE" : "BLOCKED";
    }

    default String details() {
        return this instanceof Change c ? c.details() : null;
    }
}
