package dev.scimpilot.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A persisted run as stored: who asked, who decided, where it stands, and its steps. */
public record Run(
        String id,
        String kind,
        String clientName,
        String parametersJson,
        Map<String, String> facts,
        RunStatus status,
        int planVersion,
        String conversationId,
        Actor requester,
        Actor approver,
        String decisionReason,
        Instant approvalExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String error,
        List<Step> steps) {

    /** A person, by Entra object id (what decisions use) and display name (what cards show). */
    public record Actor(String id, String name) {}

    /** One step as recorded. */
    public record Step(int index, String stepId, String title, StepState state, String planKind, String planSummary,
            String planDetails, String result, String requestIds, String error, int attempts, Instant startedAt,
            Instant finishedAt) {}

    public String shortId() {
        return id.substring(0, 8);
    }
}
