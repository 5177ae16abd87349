package dev.scimpilot.runs;

import java.util.List;
import java.util.Map;

/** What a step did: a sentence for the progress card, the ids it created, and the Graph request ids. */
public record StepOutcome(String did, Map<String, String> facts, List<String> requestIds) {

    public static StepOutcome did(String what) {
        return new StepOutcome(what, Map.of(), List.of());
    }

    public StepOutcome withFact(String name, String value) {
        var copy = new java.util.HashMap<>(facts);
        copy.put(name, value);
        return new StepOutcome(did, Map.copyOf(copy), requestIds);
    }
}
