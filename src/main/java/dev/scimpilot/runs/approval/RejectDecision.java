package dev.scimpilot.runs.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Card data of Reject: the run, the plan version shown, and the approver's reason (required). */
record RejectDecision(@NotBlank String runId, @Positive int planVersion,
        @NotBlank(message = "is required: tell the requester why") @Size(max = 500) String reason) {}
