package dev.scimpilot.onboarding.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.StringKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationJobApplicationParameters;
import com.microsoft.graph.models.SynchronizationJobSubject;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.provisionondemand.ProvisionOnDemandPostRequestBody;
import java.io.IOException;
import java.util.List;

/** provisionOnDemand of runbook step 8 and its answer, whose key and value are JSON inside strings (graph-api.md §8). */
final class OnDemand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** result: Success, Skipped or Failure; errorCode/errorMessage when not Success; action e.g. Create. */
    record Result(String result, String errorCode, String errorMessage, String action) {
        boolean success() {
            return "Success".equalsIgnoreCase(result);
        }
    }

    private OnDemand() {}

    static Result provision(GraphServiceClient g, String spId, String jobId, String ruleId, String userId) {
        var subject = new SynchronizationJobSubject();
        subject.setObjectId(userId);
        subject.setObjectTypeName("User");
        var parameters = new SynchronizationJobApplicationParameters();
        parameters.setRuleId(ruleId);
        parameters.setSubjects(List.of(subject));
        var body = new ProvisionOnDemandPostRequestBody();
        body.setParameters(List.of(parameters));
        StringKeyStringValuePair r = g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs()
                .bySynchronizationJobId(jobId).provisionOnDemand().post(body);
        return parse(r.getKey(), r.getValue());
    }

    static Result parse(String key, String value) {
        JsonNode k = read(key);
        JsonNode v = read(value);
        return new Result(k.path("result").asText("Unknown"), text(k.path("details").path("errorCode")),
                text(k.path("details").path("errorMessage")), text(v.path("action")));
    }

    /** The runbook's troubleshooting cause for a failed on-demand provisioning, and what to do next. */
    static String explain(Result r, String user) {
        String error = (r.errorCode() == null ? "" : r.errorCode() + ": ") + (r.errorMessage() == null ? "" : r.errorMessage());
        if ("NotEffectivelyEntitled".equalsIgnoreCase(r.errorCode()) || "Skipped".equalsIgnoreCase(r.result())) {
            return "Provisioning " + user + " on demand was skipped: the user is not in scope yet (" + error + "). Dynamic "
                    + "group membership can take minutes; retry the run shortly.";
        }
        if (error.toLowerCase().contains("organizationid")) {
            return "Provisioning " + user + " on demand failed - companyName mismatch: NinjaOne got no valid organizationId ("
                    + error + "). Check the user's companyName against the Switch keys, then retry.";
        }
        if (error.contains("401") || error.toLowerCase().contains("unauthorized")) {
            return "Provisioning " + user + " on demand failed - token rejected by NinjaOne (" + error + "). Save a fresh "
                    + "token and retry.";
        }
        return "Provisioning " + user + " on demand failed: " + (error.isBlank() ? r.result() : error)
                + ". See the app's provisioning logs in Entra.";
    }

    private static JsonNode read(String s) {
        try {
            return s == null || s.isBlank() ? JSON.createObjectNode() : JSON.readTree(s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
