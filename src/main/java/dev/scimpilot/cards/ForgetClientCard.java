package dev.scimpilot.cards;

/**
 * Data of {@code cards/forget-client.json}: the approver's confirmation before a client leaves the registry (the tenant
 * is not touched). Emits {@code client.forget} and {@code client.keep} with the client id.
 */
public record ForgetClientCard(String clientId, String clientName, String emailDomain, String tenantId, String ninjaOrgId) {}
