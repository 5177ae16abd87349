package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/switch-keys.json}: companyName variants preflight found, offered as extra Switch keys
 * for the same NinjaOne organization; the technician ticks which. Emits {@code onboard.plan} (with the
 * ticked variant keys as the {@code variants} input) and {@code onboard.cancel}, draft id only.
 */
public record SwitchKeysCard(String draftId, String clientName, String orgName, String fallback, List<Variant> variants) {

    /** One observed value; {@code key} is its position, {@code users} who has it ("2 users: a, b"). */
    public record Variant(String key, String value, String users) {}
}
