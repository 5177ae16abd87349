package dev.scimpilot.chat;

/** Identifies a Teams conversation (personal chat, group chat or channel thread) and its tenant. */
public record ConversationKey(String conversationId, String tenantId, String conversationType, String teamId) {}
