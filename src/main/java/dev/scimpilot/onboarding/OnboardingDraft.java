package dev.scimpilot.onboarding;

/**
 * An onboarding between the form and the plan (while preflight runs, or while the technician picks
 * Switch keys): kept in the bot's database-backed storage, without the token (only its vault reference).
 */
public record OnboardingDraft(String draftId, String conversationId, String requesterId, String requesterName,
        OnboardingParameters parameters, java.util.List<String> variants) {}
