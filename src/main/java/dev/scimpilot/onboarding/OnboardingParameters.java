package dev.scimpilot.onboarding;

import dev.scimpilot.secrets.SecretRef;
import java.util.List;

/**
 * Everything an onboarding run needs, as collected by the form and checked by preflight. Persisted
 * with the run as JSON: the SCIM token is a vault reference, never the token.
 *
 * @param clientName          the client's name, also the Switch key matched against users' companyName
 * @param extraCompanyNames   companyName variants seen in the tenant that map to the same organization
 * @param fallback            Switch default: {@code All} (unmatched users become global end users) or empty (skip them)
 * @param mailExclusion       the runbook's {@code -match} pattern on user.mail
 * @param upnExclusion        optional {@code -match} pattern on user.userPrincipalName (service accounts); blank = none
 * @param appDisplayName      the enterprise application's display name (found again by this name)
 * @param scimToken           where the NinjaOne SCIM bearer token is in the vault
 * @param canaryUserId        the user provisioned on demand first (step 8); null = the first user in scope
 * @param setUpSso            NinjaOne has no identity provider for the client yet: set up SAML SSO first (run kind
 *                            {@link #SSO_RUN_KIND}); the SCIM URL and token then come from a human step, not the form
 */
public record OnboardingParameters(
        String clientName,
        String emailDomain,
        String tenantId,
        long ninjaOrganizationId,
        String ninjaOrganizationName,
        String fallback,
        List<String> extraCompanyNames,
        String groupName,
        String mailExclusion,
        String upnExclusion,
        String appDisplayName,
        String scimUrl,
        SecretRef scimToken,
        boolean usesIntune,
        String canaryUserId,
        boolean setUpSso) {

    /** The run kind of an onboarding. */
    public static final String RUN_KIND = "onboard-client";
    /** The run kind of an onboarding that sets up SAML SSO first (NinjaOne has no identity provider yet). */
    public static final String SSO_RUN_KIND = "onboard-client-sso";
    public static final String DEFAULT_GROUP = "NinjaOne-EndUsers";
    public static final String DEFAULT_MAIL_EXCLUSION = "backup|monitor|noreply|service|info";
    public static final String DEFAULT_APP_NAME = "NinjaOne";

    public OnboardingParameters {
        extraCompanyNames = extraCompanyNames == null ? List.of() : List.copyOf(extraCompanyNames);
        fallback = fallback == null ? "" : fallback;
        upnExclusion = upnExclusion == null ? "" : upnExclusion.strip();
    }

    /** The parameters before SSO set-up existed (today's flow: NinjaOne already has SAML). */
    public OnboardingParameters(String clientName, String emailDomain, String tenantId, long ninjaOrganizationId,
            String ninjaOrganizationName, String fallback, List<String> extraCompanyNames, String groupName,
            String mailExclusion, String upnExclusion, String appDisplayName, String scimUrl, SecretRef scimToken,
            boolean usesIntune, String canaryUserId) {
        this(clientName, emailDomain, tenantId, ninjaOrganizationId, ninjaOrganizationName, fallback, extraCompanyNames,
                groupName, mailExclusion, upnExclusion, appDisplayName, scimUrl, scimToken, usesIntune, canaryUserId, false);
    }

    /** Either onboarding kind. */
    public static boolean isOnboarding(String runKind) {
        return RUN_KIND.equals(runKind) || SSO_RUN_KIND.equals(runKind);
    }

    public OnboardingParameters withCanary(String userId) {
        return new OnboardingParameters(clientName, emailDomain, tenantId, ninjaOrganizationId, ninjaOrganizationName,
                fallback, extraCompanyNames, groupName, mailExclusion, upnExclusion, appDisplayName, scimUrl, scimToken,
                usesIntune, userId, setUpSso);
    }

    public OnboardingParameters withExtraCompanyNames(List<String> names) {
        return new OnboardingParameters(clientName, emailDomain, tenantId, ninjaOrganizationId, ninjaOrganizationName,
                fallback, names, groupName, mailExclusion, upnExclusion, appDisplayName, scimUrl, scimToken, usesIntune,
                canaryUserId, setUpSso);
    }

    /** The SCIM endpoint and token the technician entered in the run's SCIM step (SSO set-up). */
    public OnboardingParameters withScim(String url, SecretRef token) {
        return new OnboardingParameters(clientName, emailDomain, tenantId, ninjaOrganizationId, ninjaOrganizationName,
                fallback, extraCompanyNames, groupName, mailExclusion, upnExclusion, appDisplayName, url, token, usesIntune,
                canaryUserId, setUpSso);
    }
}
