package dev.scimpilot.onboarding.steps;

/**
 * Names of the run facts the onboarding steps record and read: ids found or created, and what this run created
 * itself (so a later step knows a brand-new object has nothing on it yet and need not read it first).
 */
public final class Facts {

    static final String GROUP_ID = "groupId";
    static final String EXPECTED_END_USERS = "expectedEndUsers";
    static final String CANARY_USER_ID = "canaryUserId";
    static final String CANARY_ADDRESS = "canaryAddress";
    static final String APP_OBJECT_ID = "appObjectId";
    static final String APP_ID = "appId";
    static final String SERVICE_PRINCIPAL_ID = "servicePrincipalId";
    /** The run id of the run that instantiated the app: a fresh app has no EndUser role, job or assignment yet. */
    static final String APP_CREATED_BY_RUN = "appCreatedByRun";
    /** The new app's roles as instantiate left them (JSON), so step 5 need not read them again. */
    static final String NEW_APP_ROLES = "newAppRoles";
    static final String END_USER_ROLE_ID = "endUserRoleId";
    static final String JOB_ID = "jobId";
    static final String JOB_CREATED_BY_RUN = "jobCreatedByRun";
    static final String RULE_ID = "synchronizationRuleId";
    /** The job whose credentials this run saved and tested (secrets cannot be read back in v1.0). */
    static final String SECRETS_SAVED_FOR_JOB = "scimSecretsSavedForJob";
    static final String ASSIGNMENT_ID = "assignmentId";
    /** SAML SSO (SSO set-up): what NinjaOne's identity provider page gave, and what this run configured. */
    static final String SAML_ENTITY_ID = "samlEntityId";
    static final String SAML_REPLY_URL = "samlReplyUrl";
    static final String SAML_CONFIGURED_BY_RUN = "samlConfiguredByRun";
    public static final String SAML_CERT_THUMBPRINT = "samlCertThumbprint";
    public static final String SAML_CERT_EXPIRES_AT = "samlCertExpiresAt";
    /** The SCIM endpoint and the vault reference of the token entered in the run's SCIM step (never the token). */
    public static final String SCIM_URL = "scimUrl";
    public static final String SCIM_TOKEN_NAME = "scimTokenName";
    public static final String SCIM_TOKEN_VERSION = "scimTokenVersion";

    private Facts() {}
}
