package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.cards.PreflightReportCard.Check;
import dev.scimpilot.onboarding.MembershipRule;
import dev.scimpilot.onboarding.OnboardingParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Preflight's look at what an earlier (manual or bot) onboarding left in the tenant: group, app with EndUser role,
 * job with the NinjaOne mappings, assignment. Found objects are reused; differences from the runbook are named.
 */
public final class ExistingSetup {

    private ExistingSetup() {}

    public static List<Check> inspect(GraphServiceClient g, OnboardingParameters p) {
        CompletableFuture<List<Group>> groups = Graphs.async(() -> g.groups().get(rc -> {
            rc.queryParameters.filter = "displayName eq " + Graphs.literal(p.groupName());
            rc.queryParameters.select = new String[]{"id", "membershipRule", "membershipRuleProcessingState"};
        }).getValue());
        CompletableFuture<List<ServicePrincipal>> sps = Graphs.async(() -> g.servicePrincipals().get(rc -> {
            rc.queryParameters.filter = "displayName eq " + Graphs.literal(p.appDisplayName());
            rc.queryParameters.select = new String[]{"id", "appId", "appRoles"};
        }).getValue());
        Graphs.join(List.of(groups, sps));
        List<Check> checks = new ArrayList<>();
        Group group = groups.join().isEmpty() ? null : groups.join().get(0);
        String rule = MembershipRule.of(p.mailExclusion(), p.upnExclusion());
        if (group == null) {
            checks.add(check("Group " + p.groupName(), "pass", "not found; will be created"));
        } else {
            boolean same = rule.equals(group.getMembershipRule()) && "On".equals(group.getMembershipRuleProcessingState());
            checks.add(check("Group " + p.groupName(), same ? "pass" : "warn", same ? "found with the runbook rule; will be reused"
                    : "found with another rule; will be reused and get the runbook rule"));
        }
        ServicePrincipal sp = sps.join().isEmpty() ? null : sps.join().get(0);
        if (sp == null) {
            checks.add(check("Enterprise app " + p.appDisplayName(), "pass", "not found; will be created"));
            return checks;
        }
        boolean role = sp.getAppRoles() != null && sp.getAppRoles().stream().anyMatch(r -> AppRoles.VALUE.equals(r.getValue())
                && Boolean.TRUE.equals(r.getIsEnabled()));
        checks.add(check("Enterprise app " + p.appDisplayName(), sps.join().size() > 1 ? "warn" : "pass",
                (sps.join().size() > 1 ? sps.join().size() + " apps with this name; " : "") + "found; will be reused; EndUser role "
                        + (role ? "present" : "will be added")));
        SyncCalls sync = new SyncCalls(g, sp.getId());
        CompletableFuture<List<SynchronizationJob>> jobs = Graphs.async(sync::jobs);
        CompletableFuture<List<AppRoleAssignment>> assigned = group == null ? CompletableFuture.completedFuture(List.of())
                : Graphs.async(() -> g.servicePrincipals().byServicePrincipalId(sp.getId()).appRoleAssignedTo()
                        .get(rc -> rc.queryParameters.filter = "principalId eq " + group.getId()).getValue());
        Graphs.join(List.of(jobs, assigned));
        checks.add(job(sync, jobs.join(), p));
        if (group != null) {
            checks.add(check("Group assignment", "pass", assigned.join().isEmpty() ? "not assigned yet; will be assigned"
                    : "group already assigned; will be reused"));
        }
        return checks;
    }

    private static Check job(SyncCalls sync, List<SynchronizationJob> jobs, OnboardingParameters p) {
        SynchronizationJob job = SyncCalls.scimJob(jobs);
        if (job == null) {
            return check("Provisioning job", "pass", "not found; will be created");
        }
        NinjaOneSchema.Gaps gaps = NinjaOneSchema.gaps(sync.schema(job.getId()), JobDetails.switchExpression(p));
        SynchronizationStatusCode status = job.getStatus() == null ? null : job.getStatus().getCode();
        String detail = "found (" + status + "); will be reused" + (gaps.none() ? " with both NinjaOne mappings"
                : "; will get " + gaps.lines(JobDetails.switchExpression(p)).size() + " missing attribute(s)/mapping(s)");
        if (status == SynchronizationStatusCode.Quarantine) {
            var q = job.getStatus().getQuarantine();
            return check("Provisioning job", "warn", detail + "; in quarantine" + (q == null || q.getReason() == null ? ""
                    : " (" + q.getReason() + ")") + ": the token is saved again and the job restarted");
        }
        return check("Provisioning job", gaps.none() ? "pass" : "warn", detail);
    }

    private static Check check(String name, String status, String detail) {
        return new Check(name, status, detail);
    }
}
