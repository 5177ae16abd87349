package dev.scimpilot.runs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every runbook bean, by kind. */
@Component
public class Runbooks {

    private final Map<String, Runbook<?>> byKind = new HashMap<>();

    public Runbooks(List<Runbook<?>> runbooks) {
        for (Runbook<?> r : runbooks) {
            if (byKind.putIfAbsent(r.kind(), r) != null) {
                throw new IllegalStateException("Duplicate runbook kind " + r.kind());
            }
        }
    }

    /** A run's parameters, read back as its runbook's typed record. */
    public <P extends Record> P parameters(Run run, Runbook<P> runbook) {
        try {
            return RunService.PARAMS.readValue(run.parametersJson(), runbook.parametersType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable parameters of run " + run.shortId(), e);
        }
    }

    public Runbook<?> get(String kind) {
        Runbook<?> r = byKind.get(kind);
        if (r == null) {
            throw new IllegalStateException("No runbook for run kind " + kind);
        }
        return r;
    }
}
