package dev.scimpilot.clients;

import java.time.Instant;
import java.util.List;

/** One client in the registry: the runbook's columns and the ids of what was set up in its tenant. */
public record Client(
        String id,
        String name,
        long ninjaOrgId,
        String ninjaOrgName,
        String emailDomain,
        String tenantId,
        List<String> switchKeys,
        String fallback,
        String groupName,
        String groupId,
        String appName,
        String appObjectId,
        String appId,
        String servicePrincipalId,
        String jobId,
        String scimUrl,
        String scimTokenName,
        String scimTokenVersion,
        Instant scimTokenIssuedAt,
        Instant scimTokenExpiresAt,
        String conversationId,
        String onboardedBy,
        Instant onboardedAt,
        String lastRunId,
        Instant updatedAt,
        String tokenRotatedBy,
        Instant tokenRotatedAt) {

    /** An entry whose token was never rotated by SCIM Pilot (onboarding, registering, and tests). */
    public Client(String id, String name, long ninjaOrgId, String ninjaOrgName, String emailDomain, String tenantId,
            List<String> switchKeys, String fallback, String groupName, String groupId, String appName, String appObjectId,
            String appId, String servicePrincipalId, String jobId, String scimUrl, String scimTokenName,
            String scimTokenVersion, Instant scimTokenIssuedAt, Instant scimTokenExpiresAt, String conversationId,
            String onboardedBy, Instant onboardedAt, String lastRunId, Instant updatedAt) {
        this(id, name, ninjaOrgId, ninjaOrgName, emailDomain, tenantId, switchKeys, fallback, groupName, groupId, appName,
                appObjectId, appId, servicePrincipalId, jobId, scimUrl, scimTokenName, scimTokenVersion, scimTokenIssuedAt,
                scimTokenExpiresAt, conversationId, onboardedBy, onboardedAt, lastRunId, updatedAt, null, null);
    }

    /** This entry after a rotation: the new token's vault version, URL, dates, and who rotated it. */
    public Client rotated(String newScimUrl, String tokenName, String tokenVersion, Instant issuedAt, Instant expiresAt,
            String rotatedBy, String runId) {
        return new Client(id, name, ninjaOrgId, ninjaOrgName, emailDomain, tenantId, switchKeys, fallback, groupName, groupId,
                appName, appObjectId, appId, servicePrincipalId, jobId, newScimUrl, tokenName, tokenVersion, issuedAt, expiresAt,
                conversationId, onboardedBy, onboardedAt, runId, issuedAt, rotatedBy, issuedAt);
    }

    /** The day the SCIM token expires (UTC), or null when unknown. */
    public java.time.LocalDate tokenExpiresOn() {
        return expiresOn(scimTokenExpiresAt);
    }

    /** Days until the token expires (negative once expired; 0 when unknown). */
    public int tokenDaysLeft(java.time.Clock clock) {
        return daysLeft(scimTokenExpiresAt, clock);
    }

    /** The UTC day of {@code expiresAt}, or null. */
    static java.time.LocalDate expiresOn(Instant expiresAt) {
        return expiresAt == null ? null : expiresAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Days from today (UTC) until the day of {@code expiresAt}; negative once past, 0 when unknown. */
    static int daysLeft(Instant expiresAt, java.time.Clock clock) {
        java.time.LocalDate expires = expiresOn(expiresAt);
        return expires == null ? 0
                : (int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)), expires);
    }

    /** How names are compared: case, spaces and "&" vs "+" do not make two clients. */
    public static String key(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replace("&", "+").replaceAll("\\s+", " ").strip();
    }
}
