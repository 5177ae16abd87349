package dev.scimpilot.audit;

import java.time.Instant;

/** One audited fact: who (Entra object id and name; "SCIM Pilot" for the bot itself), what, about which run/client. */
public record AuditEvent(long id, Instant at, String actorId, String actorName, String action, String runId,
        String clientName, String detail) {}
