package dev.scimpilot.cards;

/**
 * Data of {@code cards/onboard-form.json}: the runbook's prerequisites as a form, prefilled where the bot already
 * knows a value (empty strings, not nulls, for unknown ones). Emits {@code onboard.submit} and
 * {@code onboard.cancel} with the draft id only; the inputs arrive as the invoke's input values.
 */
public record OnboardFormCard(
        String draftId,
        String clientName,
        String emailDomain,
        String tenantId,
        String ninjaOrgId,
        String groupName,
        String companyName,
        String fallback,
        boolean excludeServiceAccounts,
        String problem) {

    /** A blank form for {@code onboard client [name]} with the runbook's defaults. */
    public static OnboardFormCard blank(String draftId, String clientName) {
        return new OnboardFormCard(draftId, clientName, "", "", "", "NinjaOne-EndUsers", clientName, "All", true, "");
    }
}
