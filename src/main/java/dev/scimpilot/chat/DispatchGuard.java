package dev.scimpilot.chat;

import java.util.Optional;

/** Asked before every command and card action is dispatched; a refusal is shown and nothing runs. */
public interface DispatchGuard {

    Optional<String> refuseCommand(ChatUser user, ConversationKey conversation, String command);

    Optional<String> refuseCardAction(ChatUser user, ConversationKey conversation, String verb);
}
