package dev.scimpilot.cards;

/**
 * Data of {@code cards/token-form.json}: asks the technician for the NinjaOne SCIM endpoint URL and bearer token
 * (runbook step 4, or a rotation). The token input is a password field and is never prefilled. Emits
 * {@code token.submit} and {@code token.cancel} with the run id and plan version only.
 */
public record TokenFormCard(
        String runId,
        int planVersion,
        String clientName,
        String purpose,
        String endpointUrl,
        String allowedHosts,
        String problem) {}
