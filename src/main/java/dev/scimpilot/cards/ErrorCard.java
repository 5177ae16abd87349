package dev.scimpilot.cards;

/**
 * Data of {@code cards/error.json}: what went wrong in plain words, what to do next, and an id to quote to the
 * MSP's admins (never a stack trace or a secret). Emits no verbs.
 */
public record ErrorCard(String title, String message, String hint, String correlationId) {}
