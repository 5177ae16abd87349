package dev.scimpilot.rotation;

import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The runbook's "Token Rotation (every 6 months)" as a run, {@code rotate-token}. The human part (regenerate the
 * token in NinjaOne) happened before the plan; the run does everything after it.
 */
@Component
public class RotateTokenRunbook implements Runbook<RotationParameters> {

    /** The first expiry reminder comes this many days before the token expires. */
    static final int FIRST_REMINDER_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final List<RunStep<RotationParameters>> steps;
    private final ClientRegistry registry;
    private final Clock clock;

    public RotateTokenRunbook(GraphClients graph, NinjaOne ninja, SecretVault vault, ScimUrlPolicy policy,
            ClientRegistry registry, RunRepository runs, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.steps = List.of(new SaveTokenStep(graph, vault, policy), new ValidateCredentialsStep(graph),
                new RestartJobStep(graph), new CanaryStep(graph, ninja),
                new RecordRotationStep(registry, vault, runs, audit, clock));
    }

    @Override
    public String kind() {
        return RotationParameters.RUN_KIND;
    }

    @Override
    public Class<RotationParameters> parametersType() {
        return RotationParameters.class;
    }

    @Override
    public String clientName(RotationParameters p) {
        return p.clientName();
    }

    @Override
    public List<RunStep<RotationParameters>> steps() {
        return steps;
    }

    @Override
    public String title() {
        return "Rotate token";
    }

    @Override
    public String tenantId(RotationParameters p) {
        return p.tenantId();
    }

    @Override
    public String resultSummary(Run run, RotationParameters p) {
        LocalDate expires = expiry(p);
        return p.clientName() + " runs on the new SCIM token: Entra tested it, provisioning is running and a user arrived in "
                + "NinjaOne with it. It expires on " + DAY.format(expires) + "; the first reminder comes on "
                + DAY.format(expires.minusDays(FIRST_REMINDER_DAYS)) + " (" + FIRST_REMINDER_DAYS + " days before).";
    }

    @Override
    public Map<String, String> resultFacts(Run run, RotationParameters p) {
        LocalDate expires = expiry(p);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Provisioning job", p.jobId());
        facts.put("SCIM token expiry", expires.toString());
        facts.put("Next reminder", expires.minusDays(FIRST_REMINDER_DAYS).toString());
        facts.put("Rotated by", run.requester().name());
        return facts;
    }

    /** The recorded expiry when the registry has this token, else six months from today. */
    private LocalDate expiry(RotationParameters p) {
        return registry.byId(p.clientId())
                .filter(c -> p.scimToken().version().equals(c.scimTokenVersion()))
                .map(Client::tokenExpiresOn)
                .orElseGet(() -> RecordRotationStep.expiryFrom(clock.instant()).atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
