package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/onboard-form.json}: the runbook's prerequisites as a form, prefilled where the bot already
 * knows a value (empty strings, not nulls, for unknown ones); the NinjaOne organizations come from the NinjaOne
 * API. The SCIM token is a password input and is never prefilled. Emits {@code onboard.submit} and
 * {@code onboard.cancel} with the draft id only; the inputs arrive as the invoke's input values.
 */
public record OnboardFormCard(
        String draftId,
        String clientName,
        String emailDomain,
        String tenantId,
        String ninjaOrgId,
        List<Organization> organizations,
        String groupName,
        String fallback,
        String mailExclusion,
        String upnExclusion,
        String scimUrl,
        String sso,
        boolean usesIntune,
        String problem,
        String ninjaNote) {

    public static final String NINJA_NOTE = "The URL and token exist only once the client's identity provider in NinjaOne "
            + "has SAML working and SCIM enabled: NinjaOne → Administration → Accounts → Identity Providers → the "
            + "client's provider → SCIM. The token is shown once; paste it here. A new client without an identity "
            + "provider: choose \"set up SSO first\" and leave both empty; the run asks for them when NinjaOne can give them.";
    /** {@code sso}: NinjaOne already has SAML for the client (today's flow). */
    public static final String SSO_EXISTING = "existing";
    /** {@code sso}: set up SAML SSO first, the run pauses for the NinjaOne side. */
    public static final String SSO_NEW = "new";

    /** A NinjaOne organization to choose from. */
    public record Organization(String id, String name) {}
}
