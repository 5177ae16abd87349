package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Runbook step 5: app role EndUser (value endUser, Users/Groups + Applications, enabled) on the NinjaOne app. */
final class AppRoleStep implements RunStep<OnboardingParameters> {

    private static final String[] ROLES = {"id", "appRoles"};
    private final GraphClients graph;

    AppRoleStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "app-role";
    }

    @Override
    public String title() {
        return "5 · App role EndUser";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        var appObjectId = run.fact(Facts.APP_OBJECT_ID);
        if (appObjectId.isEmpty() || (createdByThisRun(run) && run.fact(Facts.END_USER_ROLE_ID).isEmpty())) {
            // the app is new (or about to be): it has the template's roles only, so nothing to read
            return StepPlan.change("Add app role EndUser to the new app", AppRoles.DEFINITION, Map.of(Facts.END_USER_ROLE_ID, ""));
        }
        GraphServiceClient g = graph.forTenant(run.parameters().tenantId());
        CompletableFuture<Application> app = Graphs.async(() -> g.applications().byApplicationId(appObjectId.get())
                .get(rc -> rc.queryParameters.select = ROLES));
        CompletableFuture<ServicePrincipal> sp = Graphs.async(() -> g.servicePrincipals()
                .byServicePrincipalId(run.requireFact(Facts.SERVICE_PRINCIPAL_ID)).get(rc -> rc.queryParameters.select = ROLES));
        Graphs.join(List.of(app, sp));
        Optional<AppRole> role = endUser(app.join().getAppRoles());
        if (role.isEmpty()) {
            return StepPlan.change("Add app role EndUser to the app", AppRoles.DEFINITION, Map.of(Facts.END_USER_ROLE_ID, ""));
        }
        String roleId = role.get().getId().toString();
        if (!AppRoles.isRight(role.get())) {
            return StepPlan.change("Correct the existing app role with value endUser (keeps its id)", AppRoles.DEFINITION,
                    Map.of(Facts.END_USER_ROLE_ID, roleId));
        }
        if (!onServicePrincipal(sp.join(), roleId)) {
            return StepPlan.change("Wait until the EndUser role reaches the enterprise app", AppRoles.DEFINITION,
                    Map.of(Facts.END_USER_ROLE_ID, roleId));
        }
        return StepPlan.inPlace("App role EndUser (endUser) exists and is enabled", Map.of(Facts.END_USER_ROLE_ID, roleId));
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        GraphServiceClient g = graph.forTenant(run.parameters().tenantId());
        String appObjectId = run.requireFact(Facts.APP_OBJECT_ID);
        List<AppRole> roles = new ArrayList<>(createdByThisRun(run) && run.fact(Facts.NEW_APP_ROLES).isPresent()
                ? AppRoles.fromJson(run.requireFact(Facts.NEW_APP_ROLES))
                : g.applications().byApplicationId(appObjectId).get(rc -> rc.queryParameters.select = ROLES).getAppRoles());
        Optional<AppRole> existing = endUser(roles);
        UUID roleId = existing.map(AppRole::getId).orElseGet(UUID::randomUUID);
        String did = "App role EndUser was already right";
        if (existing.isEmpty() || !AppRoles.isRight(existing.get())) {
            // appRoles is replaced as a whole: keep every other role with its id (graph-api.md §5)
            roles.removeIf(r -> r.getId().equals(roleId));
            roles.add(AppRoles.endUser(roleId));
            Application patch = new Application(); // a new root object, so the backing store sends appRoles in full
            patch.setAppRoles(roles);
            g.applications().byApplicationId(appObjectId).patch(patch);
            // kept on failure: a retry then reads the roles again instead of trusting the ones instantiate returned
            run.facts().put(Facts.END_USER_ROLE_ID, roleId.toString());
            run.facts().put(Facts.NEW_APP_ROLES, "");
            did = existing.isEmpty() ? "Added app role EndUser (" + roleId + ")" : "Corrected app role EndUser (" + roleId + ")";
        }
        String spId = run.requireFact(Facts.SERVICE_PRINCIPAL_ID);
        // the role reaches the service principal by app->SP sync; step 7 can only assign it once it is there
        boolean synced = Graphs.until(() -> onServicePrincipal(g.servicePrincipals().byServicePrincipalId(spId)
                .get(rc -> rc.queryParameters.select = ROLES), roleId.toString()));
        if (!synced) {
            throw new IllegalStateException("The EndUser role is on the app registration but has not reached the "
                    + "enterprise app after " + Graphs.POLL_BUDGET.toMinutes() + " minutes; retry the run later.");
        }
        return StepOutcome.did(did + "; it is on the enterprise app").withFact(Facts.END_USER_ROLE_ID, roleId.toString())
                .withFact(Facts.NEW_APP_ROLES, "");
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        // apply returns only after it saw the role on the service principal
        return run.fact(Facts.END_USER_ROLE_ID).isPresent() ? null : "no EndUser role id was recorded";
    }

    private static boolean createdByThisRun(RunContext<OnboardingParameters> run) {
        return run.runId().equals(run.fact(Facts.APP_CREATED_BY_RUN).orElse(null));
    }

    private static Optional<AppRole> endUser(List<AppRole> roles) {
        return roles == null ? Optional.empty()
                : roles.stream().filter(r -> AppRoles.VALUE.equals(r.getValue())).findFirst();
    }

    private static boolean onServicePrincipal(ServicePrincipal sp, String roleId) {
        return sp.getAppRoles() != null && sp.getAppRoles().stream()
                .anyMatch(r -> roleId.equalsIgnoreCase(String.valueOf(r.getId())) && Boolean.TRUE.equals(r.getIsEnabled()));
    }
}
