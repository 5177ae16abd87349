package dev.scimpilot.onboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code onboard.plan}: the draft and the ticked variant keys ("0,2"; absent when none is ticked). */
record OnboardPlanRequest(@NotBlank String draftId, @Pattern(regexp = "^([0-9]{1,3}(,[0-9]{1,3})*)?$") String variants) {}
