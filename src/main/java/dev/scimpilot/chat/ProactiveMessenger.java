package dev.scimpilot.chat;

import com.microsoft.bot.schema.ConversationReference;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Posts into a conversation nobody is talking in right now (reminders, run progress from a background
 * job), using the conversation reference stored in the database, so it works after a restart and from
 * any replica.
 */
@Component
public class ProactiveMessenger {

    private final ScimPilotAdapter adapter;
    private final BotProperties bot;
    private final ConversationDirectory conversations;
    private final ReplySender sender;

    public ProactiveMessenger(ScimPilotAdapter adapter, BotProperties bot, ConversationDirectory conversations,
            ReplySender sender) {
        this.adapter = adapter;
        this.bot = bot;
        this.conversations = conversations;
        this.sender = sender;
    }

    /** Sends {@code reply} to the conversation; fails if the bot has never been in that conversation. */
    public CompletableFuture<Void> send(String conversationId, Reply reply) {
        ConversationReference reference = conversations.find(conversationId)
                .orElseThrow(() -> new IllegalStateException("No conversation reference stored for " + conversationId
                        + "; the bot must be installed there first"));
        String appId = bot.authEnabled() ? bot.appId() : "";
        return adapter.continueConversation(appId, reference, turn -> sender.send(turn, reply));
    }
}
