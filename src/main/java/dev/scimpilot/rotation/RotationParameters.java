package dev.scimpilot.rotation;

import dev.scimpilot.secrets.SecretRef;

/**
 * What a {@code rotate-token} run needs, taken from the client registry when the technician submitted the new
 * token. Persisted with the run as JSON: the token is a vault reference, never the token.
 *
 * @param scimUrl   the SCIM endpoint URL (the registry's, unless the technician changed it)
 * @param scimToken where the new token is in the vault (a new version of the client's secret)
 */
public record RotationParameters(
        String clientId,
        String clientName,
        String emailDomain,
        String tenantId,
        long ninjaOrganizationId,
        String servicePrincipalId,
        String jobId,
        String groupId,
        String scimUrl,
        SecretRef scimToken) {

    /** The run kind of a token rotation. */
    public static final String RUN_KIND = "rotate-token";
}
