package dev.scimpilot.rotation;

import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runbook "Token Rotation" 6–7: the new token is the client's current vault version, the new expiry (+6 months)
 * and who rotated it are in the registry, and the audit trail says so. SCIM Pilot's own bookkeeping, not the tenant.
 */
final class RecordRotationStep implements RunStep<RotationParameters> {

    /** NinjaOne SCIM tokens expire six months after they are generated (runbook step 4). */
    static final int TOKEN_LIFETIME_MONTHS = 6;

    private final ClientRegistry registry;
    private final SecretVault vault;
    private final RunRepository runs;
    private final AuditLog audit;
    private final Clock clock;

    RecordRotationStep(ClientRegistry registry, SecretVault vault, RunRepository runs, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.vault = vault;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "record-rotation";
    }

    @Override
    public String title() {
        return "Vault version, new expiry and registry";
    }

    @Override
    public boolean changesTenant() {
        return false;
    }

    @Override
    public StepPlan plan(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        Client client = registry.byId(p.clientId()).orElse(null);
        if (client == null) {
            return StepPlan.blocked(p.clientName() + " is no longer in the registry (forgotten meanwhile?).");
        }
        if (p.scimToken().version().equals(client.scimTokenVersion())) {
            return StepPlan.inPlace("the registry already has this token (expires " + client.tokenExpiresOn() + ")", Map.of());
        }
        return StepPlan.change("Make the new token the client's current vault version and record its expiry",
                "vault: " + p.scimToken().name() + " (new version)\nregistry: SCIM token expiry = day of the run + "
                        + TOKEN_LIFETIME_MONTHS + " months, rotated by the requester, SCIM endpoint " + p.scimUrl());
    }

    @Override
    public StepOutcome apply(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        if (vault.get(p.scimToken()).isEmpty()) {
            throw new IllegalStateException("The new token is not in the vault (local mode forgets it on restart); the job "
                    + "has it, but the registry keeps the old entry. Rotate again to record it.");
        }
        Client client = registry.byId(p.clientId()).orElseThrow(() -> new IllegalStateException(p.clientName()
                + " is no longer in the registry; the job has the new token, but there is nothing to record it on."));
        Run current = runs.find(run.runId()).orElseThrow();
        Instant now = clock.instant();
        Instant expires = expiryFrom(now);
        String by = current.requester().name();
        registry.save(client.rotated(p.scimUrl(), p.scimToken().name(), p.scimToken().version(), now, expires, by, run.runId()));
        audit.record(current.requester().id(), by, "token.rotated", run.runId(), p.clientName(),
                "new SCIM token in job " + p.jobId() + ", vault " + p.scimToken().name() + " version " + p.scimToken().version()
                        + ", expires " + expires.atOffset(ZoneOffset.UTC).toLocalDate());
        return StepOutcome.did("Recorded: vault " + p.scimToken().name() + " has the new token as its current version; it "
                + "expires " + expires.atOffset(ZoneOffset.UTC).toLocalDate() + "; rotated by " + by);
    }

    @Override
    public String verify(RunContext<RotationParameters> run) {
        return registry.byId(run.parameters().clientId())
                .filter(c -> run.parameters().scimToken().version().equals(c.scimTokenVersion()))
                .isPresent() ? null : "the registry does not show the new token";
    }

    static Instant expiryFrom(Instant issued) {
        return issued.atOffset(ZoneOffset.UTC).plusMonths(TOKEN_LIFETIME_MONTHS).toInstant();
    }
}
