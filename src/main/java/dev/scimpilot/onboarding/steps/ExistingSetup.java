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

    /**
     * What a manual onboarding left in a tenant, found without knowing its names (register client): the NinjaOne
     * enterprise app (display name starting "NinjaOne", the one with a SCIM job first), its SCIM job and mappings, and
     * the group assigned to it. Null ids where nothing was found.
     */
    public record Found(String appName, String appObjectId, String appId, String servicePrincipalId, String jobId,
            String jobStatus, String groupId, String groupName, String organizationExpression, List<Check> checks) {}

    public static Found discover(GraphServiceClient g, long ninjaOrganizationId) {
        List<Check> checks = new ArrayList<>();
        List<ServicePrincipal> sps = g.servicePrincipals().get(rc -> {
            rc.queryParameters.filter = "startswith(displayName," + Graphs.literal(OnboardingParameters.DEFAULT_APP_NAME) + ")";
            rc.queryParameters.select = new String[]{"id", "appId", "displayName", "appRoles"};
        }).getValue();
        ServicePrincipal sp = null;
        SynchronizationJob job = null;
        for (ServicePrincipal candidate : sps.subList(0, Math.min(5, sps.size()))) {
            SynchronizationJob found = SyncCalls.scimJob(new SyncCalls(g, candidate.getId()).jobs());
            if (found != null || sp == null) {
                sp = candidate;
                job = found;
            }
            if (found != null) {
                break;
            }
        }
        if (sp == null) {
            checks.add(check("Enterprise app", "fail", "no enterprise application whose name starts with \"NinjaOne\" (runbook "
                    + "step 2); rotate token and check provisioning need it"));
            return new Found(null, null, null, null, null, null, null, null, null, checks);
        }
        checks.add(check("Enterprise app", sps.size() > 1 ? "warn" : "pass", sp.getDisplayName() + (sps.size() > 1
                ? " (" + sps.size() + " apps start with \"NinjaOne\"; this one has the SCIM job)" : "")));
        boolean role = sp.getAppRoles() != null && sp.getAppRoles().stream().anyMatch(r -> AppRoles.VALUE.equals(r.getValue())
                && Boolean.TRUE.equals(r.getIsEnabled()));
        checks.add(check("App role EndUser", role ? "pass" : "warn", role ? "present (value endUser, enabled)"
                : "missing: the runbook's step 5 role (value endUser) is not on the app"));
        String appObjectId = null;
        try {
            appObjectId = g.applicationsWithAppId(sp.getAppId()).get(rc -> rc.queryParameters.select = new String[]{"id"}).getId();
        } catch (RuntimeException e) {
            if (!Graphs.notFound(e)) {
                throw e;
            }
        }
        String jobId = null;
        String status = null;
        String expression = null;
        if (job == null) {
            checks.add(check("Provisioning job", "fail", "no SCIM provisioning job on the app (runbook step 6)"));
        } else {
            jobId = job.getId();
            status = job.getStatus() == null || job.getStatus().getCode() == null ? "unknown" : job.getStatus().getCode().getValue();
            boolean quarantined = job.getStatus() != null && job.getStatus().getCode() == SynchronizationStatusCode.Quarantine;
            var q = quarantined ? job.getStatus().getQuarantine() : null;
            checks.add(check("Provisioning job", quarantined ? "warn" : "pass", jobId + " (" + status
                    + (q == null || q.getReason() == null ? "" : ", " + q.getReason()) + ")"
                    + (quarantined ? ": rotate token restarts it with a fresh token" : "")));
            var schema = new SyncCalls(g, sp.getId()).schema(jobId);
            String userType = NinjaOneSchema.expressionFor(schema, NinjaOneSchema.USER_TYPE);
            checks.add(check("userType mapping", NinjaOneSchema.ROLE_EXPRESSION.equals(userType) ? "pass" : "warn",
                    userType == null ? "missing (runbook step 6: " + NinjaOneSchema.ROLE_EXPRESSION + ")" : userType));
            expression = NinjaOneSchema.expressionFor(schema, NinjaOneSchema.ORGANIZATION_ID);
            boolean ours = expression != null && expression.startsWith("Switch([companyName]")
                    && expression.contains("\"" + ninjaOrganizationId + "\"");
            checks.add(check("organizationId mapping", ours ? "pass" : "warn", expression == null
                    ? "missing (runbook step 6: Switch([companyName], …, \"" + ninjaOrganizationId + "\"))"
                    : expression + (ours ? "" : " - does not map to NinjaOne organization " + ninjaOrganizationId)));
        }
        String spId = sp.getId();
        List<AppRoleAssignment> assigned = g.servicePrincipals().byServicePrincipalId(spId).appRoleAssignedTo().get().getValue();
        AppRoleAssignment groupAssignment = assigned == null ? null : assigned.stream()
                .filter(a -> "Group".equalsIgnoreCase(a.getPrincipalType())).findFirst().orElse(null);
        String groupId = null;
        String groupName = null;
        if (groupAssignment == null) {
            checks.add(check("Group assignment", "warn", "no group is assigned to the app (runbook step 7)"));
        } else {
            groupId = String.valueOf(groupAssignment.getPrincipalId());
            Group group = g.groups().byGroupId(groupId).get(rc -> rc.queryParameters.select =
                    new String[]{"id", "displayName", "membershipRule", "membershipRuleProcessingState"});
            groupName = group.getDisplayName();
            String rule = MembershipRule.of(OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "");
            boolean same = rule.equals(group.getMembershipRule()) && "On".equals(group.getMembershipRuleProcessingState());
            checks.add(check("Group " + groupName, same ? "pass" : "warn", (same ? "dynamic, with the runbook rule"
                    : group.getMembershipRule() == null ? "not a dynamic group (runbook step 1 wants one)"
                    : "dynamic rule differs from the runbook's: " + group.getMembershipRule())
                    + "; assigned to the app"));
        }
        return new Found(sp.getDisplayName(), appObjectId, sp.getAppId(), spId, jobId, status, groupId, groupName, expression,
                checks);
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
