package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;

/** A template after loading: JSON with every binding already parsed, ready to expand many times. */
sealed interface Node permits Node.Literal, Node.Whole, Node.Interp, Node.Arr, Node.Obj {

    /** JSON without bindings (numbers already written the JS way). */
    record Literal(JsonNode value) implements Node {}

    /** A string that is exactly one binding, {@code "${expr}"}: expands to the value with its JSON type. */
    record Whole(Expr expr, String source) implements Node {}

    /** A string with text around or between bindings; parts are {@code String} or {@link Expr}. */
    record Interp(Object[] parts, String source) implements Node {}

    /** Arrays rather than lists: expansion walks these millions of times. */
    record Arr(Node[] items) implements Node {}

    /** An object; {@code data} and {@code when} are its {@code $data} / {@code $when} (null when absent). */
    record Obj(String[] keys, Node[] values, Node data, Node when) implements Node {}
}
