package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.models.SynchronizationJobRestartScope;
import com.microsoft.graph.models.SynchronizationSecret;
import com.microsoft.graph.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.secrets.Secret;
import java.util.EnumSet;
import java.util.List;

/**
 * The provisioning-job operations of runbook steps 6 and 8, for runbooks outside onboarding (token rotation):
 * the same Graph calls and the same runbook-cause messages as the onboarding steps, not a copy of them.
 */
public final class ProvisioningJobs {

    /** What a job looks like now: status code (e.g. Quarantine), schedule state (Active/Paused/Disabled), quarantine reason. */
    public record JobState(String status, String schedule, String quarantineReason) {

        public boolean quarantined() {
            return SynchronizationStatusCode.Quarantine.getValue().equalsIgnoreCase(status);
        }

        public boolean running() {
            return "Active".equalsIgnoreCase(schedule) && !quarantined();
        }
    }

    private ProvisioningJobs() {}

    public static JobState state(GraphServiceClient g, String spId, String jobId) {
        SynchronizationJob job = job(g, spId, jobId).get();
        String status = job.getStatus() == null || job.getStatus().getCode() == null ? "" : job.getStatus().getCode().getValue();
        String schedule = job.getSchedule() == null || job.getSchedule().getState() == null ? ""
                : job.getSchedule().getState().getValue();
        String reason = job.getStatus() == null || job.getStatus().getQuarantine() == null ? ""
                : String.valueOf(job.getStatus().getQuarantine().getReason());
        return new JobState(status, schedule, reason);
    }

    /**
     * Entra's connection test with credentials that are not saved yet, so a token NinjaOne refuses never replaces
     * the one the job holds. A refusal names the runbook cause.
     */
    public static void testBeforeSaving(GraphServiceClient g, String spId, String jobId, String baseAddress, Secret token) {
        var body = new ValidateCredentialsPostRequestBody();
        body.setUseSavedCredentials(false);
        body.setCredentials(List.of(pair(SynchronizationSecret.BaseAddress, baseAddress),
                pair(SynchronizationSecret.SecretToken, token.reveal())));
        try {
            job(g, spId, jobId).validateCredentials().post(body);
        } catch (RuntimeException e) {
            throw refused(e, "Nothing was written to the provisioning job: it keeps its old token.");
        }
    }

    /** Both secrets (BaseAddress + SecretToken, SyncAll=false) with the same PUT as onboarding step 6. */
    public static void saveSecrets(GraphServiceClient g, String spId, String baseAddress, Secret token) {
        new SyncCalls(g, spId).saveSecrets(baseAddress, token);
    }

    /** Test connection with the saved credentials (onboarding step 6's check). */
    public static void validateSaved(GraphServiceClient g, String spId, String jobId) {
        new SyncCalls(g, spId).validateSavedCredentials(jobId);
    }

    /** Restart out of quarantine (escrows and quarantine state reset), exactly once; the caller records that it did. */
    public static void restart(GraphServiceClient g, String spId, String jobId) {
        var body = new RestartPostRequestBody();
        var criteria = new SynchronizationJobRestartCriteria();
        criteria.setResetScope(EnumSet.of(SynchronizationJobRestartScope.Escrows, SynchronizationJobRestartScope.QuarantineState));
        body.setCriteria(criteria);
        job(g, spId, jobId).restart().post(body);
    }

    public static void start(GraphServiceClient g, String spId, String jobId) {
        job(g, spId, jobId).start().post();
    }

    /** The user rule's id, which provisionOnDemand needs. */
    public static String userRuleId(GraphServiceClient g, String spId, String jobId) {
        return NinjaOneSchema.gaps(new SyncCalls(g, spId).schema(jobId), "").ruleId();
    }

    /** Step 8's on-demand provisioning of one user; returns the action (Create/Update…), else fails with the runbook cause. */
    public static String provisionOnDemand(GraphServiceClient g, String spId, String jobId, String ruleId, String userId,
            String userAddress) {
        OnDemand.Result r = OnDemand.provision(g, spId, jobId, ruleId, userId);
        if (!r.success()) {
            throw new IllegalStateException(OnDemand.explain(r, userAddress));
        }
        return r.action() == null ? r.result() : r.action();
    }

    public static boolean isEndUserOf(NinjaOne ninja, String email, long organizationId) {
        return new NinjaCheck(ninja).isEndUserOf(email, organizationId);
    }

    /** Step 8's check in NinjaOne (end user of the right organization), with its runbook causes. */
    public static void requireEndUserOf(NinjaOne ninja, String email, long organizationId, String emailDomain) {
        new NinjaCheck(ninja).requireEndUserOf(email, organizationId, emailDomain);
    }

    private static SynchronizationJobItemRequestBuilder job(GraphServiceClient g, String spId, String jobId) {
        return g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().bySynchronizationJobId(jobId);
    }

    private static SynchronizationSecretKeyStringValuePair pair(SynchronizationSecret key, String value) {
        var p = new SynchronizationSecretKeyStringValuePair();
        p.setKey(key);
        p.setValue(value);
        return p;
    }

    private static IllegalStateException refused(RuntimeException e, String consequence) {
        String why = Failures.describe(e);
        if (why.matches("(?is).*(401|403|unauthori[sz]ed|forbidden|invalid credentials).*")) {
            return new IllegalStateException("NinjaOne refused the new SCIM token (token rejected by NinjaOne): Entra's "
                    + "connection test failed - " + why + ". " + consequence + " Copy a fresh token from NinjaOne "
                    + "(Identity Providers, SCIM) and start `rotate token` again.", e);
        }
        return new IllegalStateException("Entra's connection test to the NinjaOne SCIM endpoint failed: " + why + ". "
                + consequence, e);
    }
}
