package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AttributeMappingSource;
import com.microsoft.graph.models.ParseExpressionResponse;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.models.SynchronizationSecret;
import com.microsoft.graph.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationTemplate;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.SynchronizationRequestBuilder;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.secrets.SecretsPutRequestBody;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.secrets.Secret;
import java.util.List;
import java.util.regex.Pattern;

/** The synchronization calls of runbook step 6 (graph-api.md §6), one method per call. */
final class SyncCalls {

    static final String SCIM_TEMPLATE = "scim";
    private static final Pattern AUTH_FAILURE = Pattern.compile("401|403|unauthori[sz]ed|forbidden|invalid credentials",
            Pattern.CASE_INSENSITIVE);

    private final GraphServiceClient g;
    private final String spId;

    SyncCalls(GraphServiceClient g, String spId) {
        this.g = g;
        this.spId = spId;
    }

    private SynchronizationRequestBuilder sync() {
        return g.servicePrincipals().byServicePrincipalId(spId).synchronization();
    }

    /** Non-gallery SCIM apps offer template "scim"; take it from the list rather than assume it. */
    String scimTemplateId() {
        List<SynchronizationTemplate> templates = sync().templates().get().getValue();
        return templates.stream().filter(t -> SCIM_TEMPLATE.equalsIgnoreCase(t.getId())
                        || SCIM_TEMPLATE.equalsIgnoreCase(t.getFactoryTag())).map(SynchronizationTemplate::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("The enterprise app offers no 'scim' provisioning template "
                        + "(found " + templates.stream().map(SynchronizationTemplate::getId).toList() + ")"));
    }

    /** The SCIM job among a service principal's jobs (normally its only one), or null. */
    static SynchronizationJob scimJob(List<SynchronizationJob> jobs) {
        return jobs.stream().filter(j -> SCIM_TEMPLATE.equalsIgnoreCase(j.getTemplateId())
                || (j.getId() != null && j.getId().startsWith(SCIM_TEMPLATE + "."))).findFirst().orElse(null);
    }

    List<SynchronizationJob> jobs() {
        return sync().jobs().get().getValue();
    }

    String createJob(String templateId) {
        SynchronizationJob job = new SynchronizationJob();
        job.setTemplateId(templateId);
        return sync().jobs().post(job).getId();
    }

    /** PUT replaces the whole set, so always the full set we own; SyncAll=false as SingleAppRoleAssignment needs. */
    void saveSecrets(String baseAddress, Secret token) {
        var body = new SecretsPutRequestBody();
        body.setValue(List.of(pair(SynchronizationSecret.BaseAddress, baseAddress),
                pair(SynchronizationSecret.SecretToken, token.reveal()), pair(SynchronizationSecret.SyncAll, "false")));
        sync().secrets().put(body);
    }

    private static SynchronizationSecretKeyStringValuePair pair(SynchronizationSecret key, String value) {
        var p = new SynchronizationSecretKeyStringValuePair();
        p.setKey(key);
        p.setValue(value);
        return p;
    }

    /** Test connection with the saved credentials; a refusal names the runbook cause. */
    void validateSavedCredentials(String jobId) {
        var body = new ValidateCredentialsPostRequestBody();
        body.setUseSavedCredentials(true);
        try {
            sync().jobs().bySynchronizationJobId(jobId).validateCredentials().post(body);
        } catch (RuntimeException e) {
            String why = Failures.describe(e);
            if (AUTH_FAILURE.matcher(why).find()) {
                throw new IllegalStateException("NinjaOne refused the SCIM token (token rejected by NinjaOne): Entra's "
                        + "connection test failed - " + why + ". The token may be mistyped, expired or regenerated since. "
                        + "Copy a fresh token from NinjaOne (Identity Providers, SCIM) and start the onboarding again with it.", e);
            }
            throw new IllegalStateException("Entra's connection test to the NinjaOne SCIM endpoint failed: " + why
                    + ". Check the SCIM endpoint URL in NinjaOne and retry.", e);
        }
    }

    SynchronizationSchema schema(String jobId) {
        return sync().jobs().bySynchronizationJobId(jobId).schema().get();
    }

    /** Through the template before the job exists, else through the job; both parse the same language. */
    AttributeMappingSource parse(String templateId, String jobId, String expression) {
        ParseExpressionResponse r;
        if (jobId != null) {
            var body = new com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.schema.parseexpression
                    .ParseExpressionPostRequestBody();
            body.setExpression(expression);
            r = sync().jobs().bySynchronizationJobId(jobId).schema().parseExpression().post(body);
        } else {
            var body = new com.microsoft.graph.serviceprincipals.item.synchronization.templates.item.schema.parseexpression
                    .ParseExpressionPostRequestBody();
            body.setExpression(expression);
            r = sync().templates().bySynchronizationTemplateId(templateId).schema().parseExpression().post(body);
        }
        if (!Boolean.TRUE.equals(r.getParsingSucceeded()) || r.getParsedExpression() == null) {
            throw new IllegalStateException("Entra did not accept the expression " + expression
                    + (r.getError() == null ? "" : ": " + r.getError().getMessage()));
        }
        return r.getParsedExpression();
    }

    /** PUT, never the SDK's PATCH (404 from the service); the backing store must send the whole schema (§0.2, §6d). */
    void putSchema(String jobId, SynchronizationSchema schema) {
        schema.getBackingStore().setIsInitializationCompleted(false);
        Graphs.put(g, sync().jobs().bySynchronizationJobId(jobId).schema().toPatchRequestInformation(schema));
    }
}
