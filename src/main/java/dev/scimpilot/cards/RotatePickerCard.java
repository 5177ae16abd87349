package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/rotate-picker.json}: {@code rotate token} without a client: the registry, soonest expiry first.
 * Rows emit {@code token.rotate} with the client id; {@code more} counts the clients not shown.
 */
public record RotatePickerCard(int more, List<Row> clients) {

    /** Rows shown: the card stays far below Teams' 28 KB limit. */
    public static final int MAX_ROWS = 25;

    /** One client and the days its token has left (negative once expired). */
    public record Row(String clientId, String clientName, int daysLeft) {}

    public static RotatePickerCard of(List<Row> sorted) {
        return new RotatePickerCard(Math.max(0, sorted.size() - MAX_ROWS), List.copyOf(sorted.subList(0, Math.min(MAX_ROWS, sorted.size()))));
    }
}
