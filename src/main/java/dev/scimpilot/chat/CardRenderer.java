package dev.scimpilot.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a card template name and its data record into the Adaptive Card JSON the Bot SDK sends. */
public interface CardRenderer {

    JsonNode render(String template, Record data);
}
