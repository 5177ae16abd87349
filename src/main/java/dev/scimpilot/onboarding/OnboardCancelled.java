package dev.scimpilot.onboarding;

import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.PendingInteractions;
import org.springframework.stereotype.Component;

/** {@code onboard.cancel}: closes the form; nothing was changed anywhere. */
@Component
class OnboardCancelled implements CardAction<OnboardDraftRef> {

    private final PendingInteractions pending;

    OnboardCancelled(PendingInteractions pending) {
        this.pending = pending;
    }

    @Override
    public String verb() {
        return "onboard.cancel";
    }

    @Override
    public Class<OnboardDraftRef> dataType() {
        return OnboardDraftRef.class;
    }

    @Override
    public CardReply handle(CardActionRequest<OnboardDraftRef> request) {
        String conversation = request.conversation().conversationId();
        if (pending.isOpen(conversation, request.data().draftId())) {
            pending.clear(conversation);
        }
        return CardReply.replaceWith("notice", NoticeCard.of("Onboarding cancelled",
                "Cancelled by " + request.user().displayName() + ". Nothing was checked or changed.",
                "Start again any time with `onboard client <name>`."));
    }
}
