package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated NinjaOne instance: organizations, users, API clients and SCIM identity providers. */
final class NinjaState {

    /**
     * An identity provider; mutable because the token can be regenerated. Added by a technician (display name, SAML
     * metadata URL imported, Test Connection) before SCIM is enabled on it ({@code token} null until then).
     */
    static final class IdentityProvider {
        final String id;
        final long organizationId;
        String displayName;
        String metadataUrl;
        String token;
        Instant tokenIssuedAt;
        Instant tokenExpiresAt;

        IdentityProvider(String id, long organizationId) {
            this.id = id;
            this.organizationId = organizationId;
        }
    }

    final Map<Long, ObjectNode> organizations = new LinkedHashMap<>();
    /** End users and technicians in the NinjaOne "User" shape, by id. */
    final Map<Long, ObjectNode> users = new LinkedHashMap<>();
    /** SCIM resource attributes (userName, externalId, active) of users created over SCIM, by user id. */
    final Map<Long, ObjectNode> scimResources = new HashMap<>();
    final Map<String, IdentityProvider> identityProviders = new LinkedHashMap<>();
    final Map<String, String> apiClients = new HashMap<>();
    /** Issued API access tokens and their expiry. */
    final Map<String, Instant> accessTokens = new HashMap<>();
    long nextUserId = 1000;

    IdentityProvider idpForOrganization(long orgId) {
        return identityProviders.values().stream().filter(i -> i.organizationId == orgId).findFirst().orElse(null);
    }
}
