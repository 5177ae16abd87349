package dev.scimpilot.runs.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** Card data of Approve and Refresh: which run and which plan version the card showed. Nothing else. */
record RunDecision(@NotBlank String runId, @Positive int planVersion) {}
