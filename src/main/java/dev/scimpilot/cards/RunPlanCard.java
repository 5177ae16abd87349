package dev.scimpilot.cards;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code cards/run-plan.json}: exactly what a run will change, waiting for approval. Everyone sees the
 * read-only view; the card's {@code refresh} (for {@code approverIds}) fetches the approver view with Approve and
 * Reject. Emits {@code run.approve}, {@code run.reject} (with a {@code reason} input) and {@code run.refresh},
 * each with {@code runId} and {@code planVersion} only.
 */
public record RunPlanCard(
        String runId,
        int planVersion,
        String kind,
        String clientName,
        String tenantId,
        String requestedBy,
        Instant requestedAt,
        int changes,
        int alreadyInPlace,
        int manualSteps,
        List<Step> steps,
        List<String> approverIds,
        boolean approverView,
        String status) {

    /** One step; {@code change} is {@code create}, {@code update}, {@code none} (already in place) or {@code manual}. */
    public record Step(int number, String title, String change, String detail) {}

    /** The same plan as approvers see it after the refresh. */
    public RunPlanCard forApprover() {
        return new RunPlanCard(runId, planVersion, kind, clientName, tenantId, requestedBy, requestedAt, changes,
                alreadyInPlace, manualSteps, steps, approverIds, true, status);
    }
}
