package dev.scimpilot.chat;

/**
 * One click on a card button: the verb, the bound data, who clicked, where, and the id of the card's
 * activity (so the handler can relate it to a sent card).
 */
public record CardActionRequest<D>(String verb, D data, ChatUser user, ConversationKey conversation, String cardActivityId) {}
