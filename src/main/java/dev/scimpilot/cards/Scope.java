package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;

/** What an expression can see: {@code $root}, the current {@code $data} and {@code $index} (undefined outside arrays). */
record Scope(JsonNode root, JsonNode data, JsonNode index) {

    static Scope of(JsonNode root) {
        return new Scope(root, root, Js.UNDEFINED);
    }

    Scope withData(JsonNode newData) {
        return new Scope(root, newData, index);
    }

    Scope withData(JsonNode newData, int newIndex) {
        return new Scope(root, newData, Js.num(newIndex));
    }
}
