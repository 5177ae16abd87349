package dev.scimpilot.runs.approval;

import jakarta.validation.constraints.NotBlank;

/** Card data that names a run only (Retry). */
record RunRef(@NotBlank String runId) {}
