package dev.scimpilot.entra;

/** How SCIM Pilot gets Microsoft Graph tokens for a client tenant. */
public enum GraphAuth {
    /** Unsigned local tokens for an emulator (the sandbox); refused for Microsoft Graph hosts. */
    LOCAL,
    /** azure-identity ClientSecretCredential of the multi-tenant app registration. */
    CLIENT_SECRET,
    /** azure-identity ClientCertificateCredential (PEM, or PFX/P12 with a password). */
    CERTIFICATE
}
