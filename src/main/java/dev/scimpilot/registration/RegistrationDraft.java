package dev.scimpilot.registration;

import java.time.Instant;
import java.util.List;

/**
 * What {@code register client} found and will record on confirmation, kept in the bot's state between the report and
 * the click (ids and names only: a registration holds no secret).
 */
record RegistrationDraft(
        String draftId,
        String clientName,
        String emailDomain,
        String tenantId,
        long ninjaOrgId,
        String ninjaOrgName,
        List<String> extraCompanyNames,
        String fallback,
        String appName,
        String appObjectId,
        String appId,
        String servicePrincipalId,
        String jobId,
        String groupId,
        String groupName,
        Instant tokenIssuedAt,
        Instant tokenExpiresAt) {}
