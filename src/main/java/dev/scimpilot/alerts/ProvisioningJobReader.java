package dev.scimpilot.alerts;

import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationScheduleState;
import com.microsoft.graph.models.SynchronizationStatus;
import com.microsoft.graph.models.SynchronizationTaskExecution;
import com.microsoft.kiota.ApiException;
import dev.scimpilot.clients.Client;
import dev.scimpilot.entra.GraphClients;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Reads a client's provisioning job status with one Graph call
 * ({@code GET /servicePrincipals/{id}/synchronization/jobs/{jobId}}). Small on purpose: only what the
 * watchdog and the reminder need. Never throws: an unreadable tenant is a {@link JobHealth#UNREACHABLE} value.
 */
@Component
class ProvisioningJobReader {

    private final GraphClients graph;

    ProvisioningJobReader(GraphClients graph) {
        this.graph = graph;
    }

    JobHealth read(Client client) {
        if (client.servicePrincipalId() == null || client.jobId() == null) {
            return JobHealth.missing("the registry has no provisioning job for this client");
        }
        SynchronizationJob job;
        try {
            job = graph.forTenant(client.tenantId()).servicePrincipals().byServicePrincipalId(client.servicePrincipalId())
                    .synchronization().jobs().bySynchronizationJobId(client.jobId()).get();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return JobHealth.missing("the provisioning job " + client.jobId() + " no longer exists in the tenant");
            }
            return JobHealth.unreachable("Graph answered HTTP " + e.getResponseStatusCode()
                    + (e.getResponseStatusCode() == 401 || e.getResponseStatusCode() == 403
                            ? " (admin consent withdrawn or permissions missing?)" : ""));
        } catch (RuntimeException e) {
            return JobHealth.unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        }
        if (job == null) {
            return JobHealth.missing("the provisioning job " + client.jobId() + " no longer exists in the tenant");
        }
        SynchronizationStatus status = job.getStatus();
        String code = status == null || status.getCode() == null ? "NotConfigured" : status.getCode().getValue();
        boolean enabled = job.getSchedule() != null && job.getSchedule().getState() == SynchronizationScheduleState.Active;
        var q = status == null ? null : status.getQuarantine();
        String reason = q == null || q.getReason() == null ? null : q.getReason().getValue();
        var error = q != null && q.getError() != null ? q.getError()
                : status != null && status.getLastExecution() != null ? status.getLastExecution().getError() : null;
        return new JobHealth(code, enabled, reason, error == null ? null : error.getCode(), error == null ? null : error.getMessage(),
                status == null ? null : ended(status.getLastSuccessfulExecution()), null);
    }

    private static Instant ended(SynchronizationTaskExecution e) {
        return e == null || e.getTimeEnded() == null ? null : e.getTimeEnded().toInstant();
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
