package dev.scimpilot.runs;

import java.util.Map;
import java.util.Optional;

/**
 * What a step sees of its run: the run id, the typed parameters, and the facts earlier steps (or an
 * earlier attempt of this one) recorded, such as the id of the group created in step 1.
 */
public record RunContext<P extends Record>(String runId, P parameters, Map<String, String> facts) {

    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name)).filter(v -> !v.isBlank());
    }

    public String requireFact(String name) {
        return fact(name).orElseThrow(() -> new IllegalStateException(
                "This step needs '" + name + "', which an earlier step should have recorded"));
    }
}
