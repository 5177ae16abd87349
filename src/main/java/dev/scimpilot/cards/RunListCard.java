package dev.scimpilot.cards;

import java.time.Instant;
import java.util.List;

/** Data of {@code cards/run-list.json}: the most recent runs, newest first (at most 20). Emits no verbs. */
public record RunListCard(List<Row> runs) {

    /** One run; {@code status} is the run status in words ("awaiting approval"). */
    public record Row(String shortId, String clientName, String kind, String status, String requestedBy, Instant createdAt) {}
}
