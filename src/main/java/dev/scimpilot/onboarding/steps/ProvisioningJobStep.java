package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AttributeMappingSource;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.models.SynchronizationStatusCode;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.scim.ScimUrlPolicy;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretVault;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runbook step 6: the SCIM provisioning job with endpoint and token saved and tested, and the NinjaOne mappings. */
final class ProvisioningJobStep implements RunStep<OnboardingParameters> {

    private final GraphClients graph;
    private final SecretVault vault;
    private final ScimUrlPolicy policy;

    ProvisioningJobStep(GraphClients graph, SecretVault vault, ScimUrlPolicy policy) {
        this.graph = graph;
        this.vault = vault;
        this.policy = policy;
    }

    @Override
    public String id() {
        return "provisioning-job";
    }

    @Override
    public String title() {
        return "6 · SCIM provisioning";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        var refusal = policy.check(p.scimUrl());
        if (refusal.isPresent() || p.scimToken() == null) {
            return StepPlan.blocked(refusal.orElse("No SCIM token was given; enter the token from NinjaOne first."));
        }
        var spId = run.fact(Facts.SERVICE_PRINCIPAL_ID);
        // a service principal this run just created has no job yet (a job this run created is recorded at once)
        boolean fresh = spId.isEmpty() || (isNew(run, Facts.APP_CREATED_BY_RUN) && run.fact(Facts.JOB_ID).isEmpty());
        SyncCalls sync = fresh ? null : new SyncCalls(graph.forTenant(p.tenantId()), spId.get());
        SynchronizationJob job = fresh ? null : SyncCalls.scimJob(sync.jobs());
        if (job == null) {
            return new StepPlan.Change("Create the provisioning job, save and test the SCIM endpoint and token, add the "
                    + "NinjaOne attributes and mappings", JobDetails.of(p, true, NinjaOneSchema.EVERYTHING), Map.of(Facts.JOB_ID, ""), true);
        }
        NinjaOneSchema.Gaps gaps = NinjaOneSchema.gaps(sync.schema(job.getId()), JobDetails.switchExpression(p));
        Map<String, String> found = new HashMap<>(Map.of(Facts.JOB_ID, job.getId(), Facts.RULE_ID, gaps.ruleId()));
        SynchronizationStatusCode status = job.getStatus() == null ? null : job.getStatus().getCode();
        // secrets cannot be read back: save them unless this run did, or the job shows it has working ones
        boolean savedByThisRun = job.getId().equals(run.fact(Facts.SECRETS_SAVED_FOR_JOB).orElse(null));
        boolean secrets = !savedByThisRun && (status == null || status == SynchronizationStatusCode.NotConfigured
                || status == SynchronizationStatusCode.Quarantine || !gaps.none());
        if (!secrets && gaps.none()) {
            return StepPlan.inPlace("Provisioning job " + job.getId() + " has credentials (status " + status + ") and both "
                    + "NinjaOne mappings", found);
        }
        String why = status == SynchronizationStatusCode.Quarantine ? " (the job is in quarantine: save the token again)" : "";
        return StepPlan.change("Complete the existing provisioning job " + job.getId() + why, JobDetails.of(p, secrets, gaps), found);
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        policy.check(p.scimUrl()).ifPresent(refusal -> {
            throw new IllegalStateException(refusal);
        });
        // the token is read here, where it is sent to Graph, and nowhere else
        Secret token = vault.get(p.scimToken()).orElseThrow(() -> new IllegalStateException("The SCIM token is no longer "
                + "in the vault (local mode forgets it on restart); enter it again and start a new onboarding."));
        SyncCalls sync = new SyncCalls(graph.forTenant(p.tenantId()), run.requireFact(Facts.SERVICE_PRINCIPAL_ID));
        String expression = JobDetails.switchExpression(p);
        var known = run.fact(Facts.JOB_ID);
        String templateId = known.isPresent() ? null : sync.scimTemplateId();
        String jobRef = known.orElse(null);
        // job, secrets and both parses are independent of each other: one round trip
        CompletableFuture<String> job = known.isPresent() ? CompletableFuture.completedFuture(jobRef)
                : Graphs.async(() -> sync.createJob(templateId));
        CompletableFuture<Void> secrets = Graphs.asyncRun(() -> sync.saveSecrets(p.scimUrl(), token));
        CompletableFuture<AttributeMappingSource> role = Graphs.async(() -> sync.parse(templateId, jobRef,
                NinjaOneSchema.ROLE_EXPRESSION));
        CompletableFuture<AttributeMappingSource> org = Graphs.async(() -> sync.parse(templateId, jobRef, expression));
        try {
            Graphs.join(List.of(job, secrets, role, org));
        } finally {
            if (known.isEmpty() && job.isDone() && !job.isCompletedExceptionally()) {
                run.facts().put(Facts.JOB_ID, job.join()); // kept on failure: a retry completes this job, never a second
            }
        }
        String jobId = job.join();
        CompletableFuture<Void> test = Graphs.asyncRun(() -> sync.validateSavedCredentials(jobId));
        CompletableFuture<SynchronizationSchema> schema = Graphs.async(() -> sync.schema(jobId));
        Graphs.join(List.of(test, schema)); // a refused token stops here, before the schema is touched
        run.facts().put(Facts.SECRETS_SAVED_FOR_JOB, jobId);
        NinjaOneSchema.Gaps gaps = NinjaOneSchema.gaps(schema.join(), expression);
        if (!gaps.none()) {
            NinjaOneSchema.fill(schema.join(), role.join(), org.join());
            sync.putSchema(jobId, schema.join());
        }
        StepOutcome out = StepOutcome.did((known.isPresent() ? "Completed" : "Created") + " provisioning job " + jobId
                        + ": endpoint and token saved and tested" + (gaps.none() ? "" : ", NinjaOne attributes and mappings saved"))
                .withFact(Facts.JOB_ID, jobId).withFact(Facts.RULE_ID, gaps.ruleId()).withFact(Facts.SECRETS_SAVED_FOR_JOB, jobId);
        return known.isPresent() ? out : out.withFact(Facts.JOB_CREATED_BY_RUN, run.runId());
    }

    /** Reads the schema back: the PUT replaces it whole, and a half-sent body (backing store) would lose the mappings. */
    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        SyncCalls sync = new SyncCalls(graph.forTenant(p.tenantId()), run.requireFact(Facts.SERVICE_PRINCIPAL_ID));
        NinjaOneSchema.Gaps gaps = NinjaOneSchema.gaps(sync.schema(run.requireFact(Facts.JOB_ID)), JobDetails.switchExpression(p));
        return gaps.none() ? null : "the job schema still lacks: " + String.join("; ", gaps.lines(JobDetails.switchExpression(p)));
    }

    private static boolean isNew(RunContext<OnboardingParameters> run, String createdByFact) {
        return run.runId().equals(run.fact(createdByFact).orElse(null));
    }
}
