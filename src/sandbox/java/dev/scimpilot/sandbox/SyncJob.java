package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulated synchronization job of one service principal, with its schema and status. */
final class SyncJob {

    private static final String NEVER = "0001-01-01T00:00:00Z";

    final String id;
    final String servicePrincipalId;
    final String templateId;
    ObjectNode schema;
    String statusCode = "NotConfigured";
    String scheduleState = "Disabled";
    ObjectNode quarantine;
    ObjectNode lastExecution;
    ObjectNode lastSuccessfulExecution;
    Instant steadyStateFirstAchievedTime;
    Instant steadyStateLastAchievedTime;
    int countSuccessiveCompleteFailures;
    /** Entra user id -> SCIM resource id of users this job has created in the target. */
    final Map<String, String> exported = new LinkedHashMap<>();

    SyncJob(String id, String servicePrincipalId, String templateId, ObjectNode schema) {
        this.id = id;
        this.servicePrincipalId = servicePrincipalId;
        this.templateId = templateId;
        this.schema = schema;
    }

    ObjectNode toJson() {
        ObjectNode j = Json.obj();
        j.put("id", id);
        j.put("templateId", templateId);
        ObjectNode schedule = j.putObject("schedule");
        schedule.put("expiration", (String) null);
        schedule.put("interval", "PT40M");
        schedule.put("state", scheduleState);
        ObjectNode status = j.putObject("status");
        status.put("code", statusCode);
        status.put("countSuccessiveCompleteFailures", countSuccessiveCompleteFailures);
        status.put("escrowsPruned", false);
        status.set("lastExecution", lastExecution);
        status.set("lastSuccessfulExecution", lastSuccessfulExecution);
        status.set("lastSuccessfulExecutionWithExports", lastSuccessfulExecution);
        status.set("quarantine", quarantine);
        // Graph's "never" is 0001-01-01T00:00:00Z
        status.put("steadyStateFirstAchievedTime",
                steadyStateFirstAchievedTime == null ? NEVER : Json.time(steadyStateFirstAchievedTime));
        status.put("steadyStateLastAchievedTime",
                steadyStateLastAchievedTime == null ? NEVER : Json.time(steadyStateLastAchievedTime));
        status.putArray("progress");
        status.putArray("synchronizedEntryCountByType");
        status.put("troubleshootingUrl", (String) null);
        j.putArray("synchronizationJobSettings");
        return j;
    }
}
