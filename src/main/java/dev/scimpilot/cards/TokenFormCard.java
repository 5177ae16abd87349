package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/token-form.json}: asks the technician for a new NinjaOne SCIM bearer token (token rotation)
 * with the steps to regenerate it in NinjaOne and the SCIM endpoint URL prefilled. The token input is a password
 * field and is never prefilled. Emits {@code token.submit} and {@code token.cancel} with the form id only.
 */
public record TokenFormCard(
        String draftId,
        String clientName,
        String purpose,
        List<Step> steps,
        String ninjaLink,
        String currentExpiry,
        String endpointUrl,
        String allowedHosts,
        String problem) {

    /** One numbered instruction. */
    public record Step(int number, String text) {}
}
