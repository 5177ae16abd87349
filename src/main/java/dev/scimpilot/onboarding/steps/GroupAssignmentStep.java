package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.Licences;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runbook step 7: the dynamic group assigned to the enterprise app with role EndUser. */
final class GroupAssignmentStep implements RunStep<OnboardingParameters> {

    private final GraphClients graph;

    GroupAssignmentStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "group-assignment";
    }

    @Override
    public String title() {
        return "7 · Assign group";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        String summary = "Assign group " + p.groupName() + " to '" + p.appDisplayName() + "' with role EndUser";
        String details = "appRoleAssignment: principal group " + p.groupName() + ", resource enterprise app '"
                + p.appDisplayName() + "', appRole EndUser (endUser)";
        var spId = run.fact(Facts.SERVICE_PRINCIPAL_ID);
        var groupId = run.fact(Facts.GROUP_ID);
        boolean newObjects = run.runId().equals(run.fact(Facts.APP_CREATED_BY_RUN).orElse(null))
                && run.fact(Facts.ASSIGNMENT_ID).isEmpty();
        if (spId.isEmpty() || groupId.isEmpty() || newObjects) {
            // a new app or group cannot carry the assignment yet
            return new StepPlan.Change(summary, details, Map.of(Facts.ASSIGNMENT_ID, ""), true);
        }
        List<AppRoleAssignment> existing = assignments(graph.forTenant(p.tenantId()), spId.get(), groupId.get());
        String roleId = run.fact(Facts.END_USER_ROLE_ID).orElse("");
        var match = existing.stream().filter(a -> roleId.equalsIgnoreCase(String.valueOf(a.getAppRoleId()))).findFirst();
        if (match.isPresent()) {
            return StepPlan.inPlace("Group " + p.groupName() + " is assigned with role EndUser",
                    Map.of(Facts.ASSIGNMENT_ID, match.get().getId()));
        }
        String also = existing.isEmpty() ? "" : " (it is assigned with another role too; that assignment stays)";
        return new StepPlan.Change(summary + also, details, Map.of(Facts.ASSIGNMENT_ID, ""), true);
    }

    private static List<AppRoleAssignment> assignments(GraphServiceClient g, String spId, String groupId) {
        return g.servicePrincipals().byServicePrincipalId(spId).appRoleAssignedTo()
                .get(rc -> rc.queryParameters.filter = "principalId eq " + groupId).getValue();
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String spId = run.requireFact(Facts.SERVICE_PRINCIPAL_ID);
        AppRoleAssignment a = new AppRoleAssignment();
        a.setPrincipalId(UUID.fromString(run.requireFact(Facts.GROUP_ID)));
        a.setResourceId(UUID.fromString(spId));
        a.setAppRoleId(UUID.fromString(run.requireFact(Facts.END_USER_ROLE_ID)));
        AppRoleAssignment created = Licences.explainRefusal(
                () -> g.servicePrincipals().byServicePrincipalId(spId).appRoleAssignedTo().post(a), "assigning a group");
        run.facts().put(Facts.ASSIGNMENT_ID, created.getId());
        return StepOutcome.did("Assigned group " + p.groupName() + " with role EndUser")
                .withFact(Facts.ASSIGNMENT_ID, created.getId());
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        // the POST answered with the stored assignment; group-based assignment needs P1, which preflight checked
        return run.fact(Facts.ASSIGNMENT_ID).isPresent() ? null : "no assignment id was recorded";
    }
}
