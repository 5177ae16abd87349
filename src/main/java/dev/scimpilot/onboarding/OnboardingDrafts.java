package dev.scimpilot.onboarding;

import dev.scimpilot.chat.StateStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Drafts in the bot's storage (database), so any replica can pick up the technician's next click. */
@Component
class OnboardingDrafts {

    private final StateStore store;

    OnboardingDrafts(StateStore store) {
        this.store = store;
    }

    void save(OnboardingDraft draft) {
        store.save(key(draft.draftId()), draft);
    }

    Optional<OnboardingDraft> find(String draftId) {
        return store.find(key(draftId), OnboardingDraft.class);
    }

    void delete(String draftId) {
        store.delete(key(draftId));
    }

    private static String key(String draftId) {
        return "onboarding-draft/" + draftId;
    }
}
