package dev.scimpilot.chat;

/**
 * A text command. Implementations are Spring beans; the {@link CommandRouter} collects them, so adding
 * a command is adding one class.
 */
public interface Command {

    CommandSpec spec();

    Reply handle(CommandRequest request);
}
