package dev.scimpilot.cards;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code cards/run-progress.json}: one card per run, updated in place, one row per step. A run that waits
 * for the technician (NinjaOne has no API for its side) shows what to do and emits {@code run.resume}.
 */
public record RunProgressCard(
        String runId,
        int planVersion,
        String kind,
        String clientName,
        String status,
        Instant startedAt,
        Instant updatedAt,
        int done,
        int total,
        String waitingFor,
        List<Step> steps) {

    /** One step; {@code state} is {@code pending}, {@code running}, {@code done}, {@code skipped} or {@code failed}. */
    public record Step(int number, String title, String state, String detail) {}
}
