package dev.scimpilot.rotation;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.steps.ProvisioningJobs;
import dev.scimpilot.onboarding.steps.ProvisioningJobs.JobState;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.Map;

/**
 * Runbook "Token Rotation" 4: a job that stopped on the old token (quarantine) or was paused is started once.
 * Never in a loop: if it goes back into quarantine, the next step and `check provisioning` say why.
 */
final class RestartJobStep implements RunStep<RotationParameters> {

    private final GraphClients graph;

    RestartJobStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "restart-job";
    }

    @Override
    public String title() {
        return "Restart provisioning if it stopped";
    }

    @Override
    public StepPlan plan(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        if (run.fact(RotationFacts.JOB_STARTED).isPresent()) {
            return StepPlan.inPlace("this run already " + run.fact(RotationFacts.JOB_STARTED).get(), Map.of());
        }
        JobState job = ProvisioningJobs.state(graph.forTenant(p.tenantId()), p.servicePrincipalId(), p.jobId());
        if (job.quarantined()) {
            return StepPlan.change("Restart job " + p.jobId() + " out of quarantine"
                            + (job.quarantineReason().isBlank() ? "" : " (" + job.quarantineReason() + ")"),
                    "restart once, resetting QuarantineState and Escrows (failed-item retries)");
        }
        if (!"Active".equalsIgnoreCase(job.schedule())) {
            return StepPlan.change("Start job " + p.jobId() + " (it is " + (job.schedule().isBlank() ? "not running" : job.schedule()) + ")",
                    "start once");
        }
        return StepPlan.inPlace("job " + p.jobId() + " is running (" + job.status() + "); the new token is used from its next cycle",
                Map.of());
    }

    @Override
    public StepOutcome apply(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        JobState job = ProvisioningJobs.state(g, p.servicePrincipalId(), p.jobId());
        String did;
        if (job.quarantined()) {
            ProvisioningJobs.restart(g, p.servicePrincipalId(), p.jobId());
            did = "restarted the job out of quarantine";
        } else if (!"Active".equalsIgnoreCase(job.schedule())) {
            ProvisioningJobs.start(g, p.servicePrincipalId(), p.jobId());
            did = "started the job";
        } else {
            did = "found the job running";
        }
        JobState after = ProvisioningJobs.state(g, p.servicePrincipalId(), p.jobId());
        return StepOutcome.did(capitalise(did) + "; it is now " + after.status()
                        + (after.quarantined() ? " (" + after.quarantineReason() + ")" : ""))
                .withFact(RotationFacts.JOB_STARTED, did);
    }

    /** A job that is still quarantined right after a restart with a token Entra accepted is worth stopping for. */
    @Override
    public String verify(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        JobState after = ProvisioningJobs.state(graph.forTenant(p.tenantId()), p.servicePrincipalId(), p.jobId());
        return after.quarantined() ? "job " + p.jobId() + " went back into quarantine (" + after.quarantineReason()
                + "); see its provisioning logs in Entra. It was restarted once and will not be restarted again by this run."
                : null;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
