package dev.scimpilot.onboarding;

import jakarta.validation.constraints.NotBlank;

/** Card data that names an onboarding draft only (Cancel). */
record OnboardDraftRef(@NotBlank String draftId) {}
