package dev.scimpilot.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code onboard.checklist}: the run and the ticked item keys ("app,discovery"; absent when none). */
record ChecklistUpdate(@NotBlank String runId, @Pattern(regexp = "^([a-z]{1,20}(,[a-z]{1,20})*)?$") String done) {}
