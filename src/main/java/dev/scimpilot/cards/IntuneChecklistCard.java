package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/intune-checklist.json}: the runbook's step 9 (Intune in NinjaOne, no API) as a
 * checklist the technician ticks off; progress is kept with the run. Emits {@code onboard.checklist}
 * with the run id and the ticked item keys as the {@code done} input.
 */
public record IntuneChecklistCard(String runId, String clientName, int done, int total, String doneKeys, String updatedBy,
        List<Item> items) {

    /** One thing to do in NinjaOne. */
    public record Item(String key, String text) {}
}
