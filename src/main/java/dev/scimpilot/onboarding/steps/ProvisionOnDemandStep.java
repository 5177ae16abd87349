package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.models.SynchronizationJobRestartScope;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runbook step 8: one user provisioned on demand and checked in NinjaOne, then provisioning switched on. */
final class ProvisionOnDemandStep implements RunStep<OnboardingParameters> {

    private final GraphClients graph;
    private final NinjaCheck ninja;

    ProvisionOnDemandStep(GraphClients graph, NinjaOne ninja) {
        this.graph = graph;
        this.ninja = new NinjaCheck(ninja);
    }

    @Override
    public String id() {
        return "provision-on-demand";
    }

    @Override
    public String title() {
        return "8 · Provision on demand, then start";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        var canary = run.fact(Facts.CANARY_ADDRESS);
        if (canary.isEmpty()) {
            return StepPlan.blocked("No licensed user in scope has a companyName that is exactly a Switch key "
                    + "(companyName mismatch), so nobody would land in NinjaOne organization " + p.ninjaOrganizationId()
                    + ". Fix companyName in Entra or add the variant as an extra company name, then plan again.");
        }
        var jobId = run.fact(Facts.JOB_ID);
        String summary = "Provision " + canary.get() + " on demand, check it in NinjaOne, then start provisioning";
        String details = "provision on demand: " + canary.get() + "\ncheck: " + canary.get() + " is an end user of NinjaOne "
                + "organization " + p.ninjaOrganizationId() + "\nthen: start the provisioning job (first full cycle)";
        if (jobId.isEmpty() || run.runId().equals(run.fact(Facts.JOB_CREATED_BY_RUN).orElse(null))) {
            return StepPlan.change(summary, details); // a job this run created is not running yet
        }
        GraphServiceClient g = graph.forTenant(p.tenantId());
        CompletableFuture<SynchronizationJob> job = Graphs.async(() -> job(g, run).get());
        CompletableFuture<Boolean> arrived = Graphs.async(() -> ninja.isEndUserOf(canary.get(), p.ninjaOrganizationId()));
        Graphs.join(List.of(job, arrived));
        SynchronizationStatusCode status = job.join().getStatus() == null ? null : job.join().getStatus().getCode();
        boolean active = job.join().getSchedule() != null && "Active".equals(String.valueOf(job.join().getSchedule().getState()));
        if (active && status != SynchronizationStatusCode.Quarantine && arrived.join()) {
            return StepPlan.inPlace("Provisioning is on and " + canary.get() + " is in NinjaOne", Map.of());
        }
        if (status == SynchronizationStatusCode.Quarantine) {
            return StepPlan.change("Provision " + canary.get() + " on demand, then restart the job out of quarantine",
                    details.replace("then: start", "then: restart (clearing the quarantine)"));
        }
        return StepPlan.change(summary, details);
    }

    private static SynchronizationJobItemRequestBuilder job(GraphServiceClient g, RunContext<OnboardingParameters> run) {
        return g.servicePrincipals().byServicePrincipalId(run.requireFact(Facts.SERVICE_PRINCIPAL_ID)).synchronization()
                .jobs().bySynchronizationJobId(run.requireFact(Facts.JOB_ID));
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String canary = run.requireFact(Facts.CANARY_ADDRESS);
        OnDemand.Result r = OnDemand.provision(g, run.requireFact(Facts.SERVICE_PRINCIPAL_ID), run.requireFact(Facts.JOB_ID),
                run.requireFact(Facts.RULE_ID), run.requireFact(Facts.CANARY_USER_ID));
        if (!r.success()) {
            throw new IllegalStateException(OnDemand.explain(r, canary));
        }
        ninja.requireEndUserOf(canary, p.ninjaOrganizationId(), p.emailDomain());
        boolean ours = run.runId().equals(run.fact(Facts.JOB_CREATED_BY_RUN).orElse(null));
        SynchronizationJob current = ours ? null : job(g, run).get();
        String did;
        if (current != null && current.getStatus() != null && current.getStatus().getCode() == SynchronizationStatusCode.Quarantine) {
            var body = new RestartPostRequestBody();
            var criteria = new SynchronizationJobRestartCriteria();
            criteria.setResetScope(EnumSet.of(SynchronizationJobRestartScope.Escrows, SynchronizationJobRestartScope.QuarantineState));
            body.setCriteria(criteria);
            job(g, run).restart().post(body);
            did = "restarted the job out of quarantine";
        } else if (current == null || current.getSchedule() == null || !"Active".equals(String.valueOf(current.getSchedule().getState()))) {
            job(g, run).start().post();
            did = "started provisioning";
        } else {
            did = "provisioning was already on";
        }
        return StepOutcome.did("Provisioned " + canary + " on demand (" + r.action() + "), found it in NinjaOne organization "
                + p.ninjaOrganizationId() + " as an end user; " + did);
    }
}
