package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/register-form.json}: adopt a client onboarded by hand (name, domain, NinjaOne organization,
 * when the current token was generated, empty = unknown). Emits {@code register.submit} and {@code register.cancel}
 * with the form id.
 */
public record RegisterFormCard(
        String draftId,
        String clientName,
        String emailDomain,
        String ninjaOrgId,
        List<Organization> organizations,
        String tokenIssuedOn,
        String problem) {

    /** A NinjaOne organization to choose. */
    public record Organization(String id, String name) {}
}
