package dev.scimpilot.chat;

import java.util.Optional;

/** What the bot says when it is installed and when it does not understand a message. */
public interface Welcome {

    Reply greeting();

    Reply unknownCommand(String text, Optional<String> suggestion);
}
