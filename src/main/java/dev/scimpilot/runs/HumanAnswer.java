package dev.scimpilot.runs;

import dev.scimpilot.secrets.Secret;
import java.util.Map;
import java.util.Optional;

/** What a person typed into a human step's card: text values by input id, and the secret input, if any. */
public record HumanAnswer(Map<String, String> values, Secret secret, String byId, String byName) {

    public HumanAnswer {
        values = Map.copyOf(values);
    }

    public String value(String id) {
        return values.getOrDefault(id, "").strip();
    }

    public Optional<Secret> secretValue() {
        return Optional.ofNullable(secret).filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
        return "HumanAnswer[values=" + values + ", secret=****, by=" + byName + "]";
    }
}
