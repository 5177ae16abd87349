package dev.scimpilot.health;

/** The runbook's troubleshooting table (symptom → likely cause), quoted so findings point at it. */
final class Causes {

    static final String NOT_APPEARING = "Users not appearing: check the Entra provisioning logs. Most common: companyName "
            + "mismatch in the Switch expression.";
    static final String GLOBAL = "Users appear as global (not org-specific): the organizationId mapping is not matching; "
            + "verify the companyName attribute on the Entra users.";
    static final String STOPPED = "Provisioning stopped: check the token expiry date in NinjaOne SCIM settings.";
    static final String SERVICE_ACCOUNTS = "Service accounts included: add a UPN exclusion pattern to the dynamic group "
            + "rule or remove them manually from NinjaOne.";
    static final String DRIFT = "The tenant no longer matches what was approved at onboarding: someone changed it by hand. "
            + "Repair plans an onboarding re-run that changes only the drifted steps, after approval.";
    static final String NO_P1 = "Dynamic groups and group assignment need Entra ID P1 on the client tenant (runbook licence note).";

    static final String SAML_CERT = "SAML sign-in stops when the app's token-signing certificate expires. In Entra: Enterprise "
            + "applications → the NinjaOne app → Single sign-on → SAML Certificates → Edit → New Certificate, save, then "
            + "Make certificate active; in NinjaOne (Administration → Accounts → Identity Providers → the client's provider) "
            + "Import metadata from URL again and Test Connection.";

    private Causes() {}
}
