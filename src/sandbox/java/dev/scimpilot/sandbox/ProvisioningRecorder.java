package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes what a provisioning run did: provisioning log entries and the job's status, quarantine included. */
final class ProvisioningRecorder {

    private final SandboxState state;

    ProvisioningRecorder(SandboxState state) {
        this.state = state;
    }

    /** Records one export in the job's memory of exported users and as a provisioningObjectSummary. */
    void record(Tenant t, SyncJob job, ObjectNode sp, ScimTarget.Outcome r, String cycleId) {
        if (r.ok() && r.action().equals("disable")) {
            job.exported.remove(r.export().userId());
        } else if (r.ok() && r.scimId() != null) {
            job.exported.put(r.export().userId(), r.scimId());
        }
        ObjectNode log = Json.obj();
        log.put("id", state.newId());
        log.put("activityDateTime", Instant.now().toString());
        log.put("changeId", state.newId());
        log.put("cycleId", cycleId);
        log.put("durationInMilliseconds", 120);
        log.putObject("initiatedBy").put("id", "").put("displayName", "Azure AD Provisioning Service")
                .put("initiatorType", "system");
        log.put("jobId", job.id);
        log.set("modifiedProperties", modifiedProperties(r.export().resource()));
        log.put("provisioningAction", r.action());
        ObjectNode status = log.putObject("provisioningStatusInfo").put("status", r.ok() ? "success" : "failure");
        boolean unauthorized = r.status() == 401;
        if (!r.ok()) {
            status.putObject("errorInformation")
                    .put("errorCode", unauthorized ? "ScimUnauthorized" : "ScimEndpointRejected")
                    .put("errorCategory", unauthorized ? "nonServiceFailure" : "failure")
                    .put("reason", unauthorized ? "invalid credentials: the SCIM endpoint answered HTTP 401 "
                            + "(Unauthorized). Check the Secret Token." : r.error())
                    .put("recommendedAction", unauthorized ? "Update the Secret Token and test the connection."
                            : "Check the attribute values sent to the target.")
                    .putNull("additionalDetails");
        }
        String action = r.action().substring(0, 1).toUpperCase() + r.action().substring(1);
        log.putArray("provisioningSteps").addObject().put("name", "EntryExport").put("provisioningStepType", "export")
                .put("status", r.ok() ? "success" : "failure").put("description", r.ok() ? action + " in "
                        + SchemaTemplate.TARGET : "Export to " + SchemaTemplate.TARGET + " failed: " + r.error());
        log.putObject("servicePrincipal").put("id", sp.path("id").asText()).put("displayName", sp.path("displayName").asText());
        ObjectNode src = log.putObject("sourceIdentity");
        src.put("id", r.export().userId()).put("displayName", r.export().displayName()).put("identityType", "User");
        src.putObject("details").put("UserPrincipalName", r.export().upn());
        log.putObject("sourceSystem").put("id", "").put("displayName", SchemaTemplate.SOURCE);
        log.putObject("targetIdentity").put("id", r.scimId()).put("displayName", r.export().upn())
                .put("identityType", SchemaTemplate.USER_OBJECT);
        log.putObject("targetSystem").put("id", "").put("displayName", SchemaTemplate.TARGET);
        t.provisioningLogs.add(log);
    }

    /** lastExecution, and either success (steady state) or quarantine after a 401. */
    void finishCycle(SyncJob job, List<ScimTarget.Outcome> results, boolean unauthorized, Instant began) {
        Instant now = Instant.now();
        long exported = results.stream().filter(ScimTarget.Outcome::ok).count();
        boolean errors = results.stream().anyMatch(r -> !r.ok());
        ObjectNode exec = Json.obj();
        exec.put("activityIdentifier", state.newId());
        exec.put("countEntitled", results.size());
        exec.put("countEntitledForProvisioning", results.size());
        exec.put("countEscrowed", unauthorized ? results.size() : 0);
        exec.put("countEscrowedRaw", unauthorized ? results.size() : 0);
        exec.put("countExported", exported);
        exec.put("countExports", exported);
        exec.put("countImported", results.size());
        exec.put("countImportedDeltas", results.size());
        exec.put("countImportedReferenceDeltas", 0);
        exec.put("state", unauthorized ? "Failed" : errors ? "EntryLevelErrors" : "Succeeded");
        exec.put("timeBegan", Json.time(began));
        exec.put("timeEnded", Json.time(now));
        if (unauthorized) {
            ObjectNode err = quarantineError();
            exec.set("error", err);
            job.countSuccessiveCompleteFailures++;
            ObjectNode q = job.quarantine == null ? Json.obj().put("seriesBegan", Json.time(now)).put("seriesCount", 0)
                    : job.quarantine;
            q.put("currentBegan", Json.time(now));
            // Entra backs off 6 h, 12 h, 24 h, then daily
            q.put("nextAttempt", Json.time(now.plus(Duration.ofHours(6))));
            q.put("reason", "EncounteredQuarantineException");
            q.put("seriesCount", q.path("seriesCount").asInt() + 1);
            q.set("error", err);
            job.quarantine = q;
            job.statusCode = "Quarantine";
        } else {
            exec.putNull("error");
            job.quarantine = null;
            job.countSuccessiveCompleteFailures = 0;
            job.statusCode = job.scheduleState.equals("Active") ? "Active" : job.statusCode;
            job.lastSuccessfulExecution = exec;
            if (job.steadyStateFirstAchievedTime == null) {
                job.steadyStateFirstAchievedTime = now;
            }
            job.steadyStateLastAchievedTime = now;
        }
        job.lastExecution = exec;
    }

    static ObjectNode quarantineError() {
        return Json.obj().put("code", "ScimUnauthorized").put("message", "You appear to have entered invalid "
                + "credentials: the SCIM endpoint answered HTTP 401 (Unauthorized). Update the Secret Token in Admin "
                + "Credentials and restart provisioning.").put("tenantActionable", true);
    }

    static ArrayNode modifiedProperties(ObjectNode resource) {
        ArrayNode out = Json.arr();
        if (resource != null) {
            ScimResource.flatten(resource).forEach((k, v) -> out.addObject().put("displayName", k)
                    .put("oldValue", (String) null).put("newValue", v));
        }
        return out;
    }
}
