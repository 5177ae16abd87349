package dev.scimpilot.chat;

/** One invocation of a command: its arguments as typed (case kept), who asked, and where. */
public record CommandRequest(String args, ChatUser user, ConversationKey conversation) {

    public boolean hasArgs() {
        return args != null && !args.isBlank();
    }
}
