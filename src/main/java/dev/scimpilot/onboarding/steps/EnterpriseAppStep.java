package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.applicationtemplates.item.instantiate.InstantiatePostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationServicePrincipal;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runbook step 2: one non-gallery enterprise application (application + service principal) for NinjaOne. */
final class EnterpriseAppStep implements RunStep<OnboardingParameters> {

    /** graph-api.md §4: the custom (non-gallery) application template. */
    static final String CUSTOM_APP_TEMPLATE = "8adf8e6e-67b2-4cf2-a259-e3dc5476c621";
    private static final String[] SELECT = {"id", "appId", "displayName"};
    private final GraphClients graph;

    EnterpriseAppStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "enterprise-app";
    }

    @Override
    public String title() {
        return "2 · Enterprise app";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        String name = run.parameters().appDisplayName();
        GraphServiceClient g = graph.forTenant(run.parameters().tenantId());
        var recorded = run.fact(Facts.APP_ID);
        String filter = recorded.map(a -> "appId eq " + Graphs.literal(a)).orElse("displayName eq " + Graphs.literal(name));
        // instantiate is not idempotent: look for the app (by the recorded appId, else by name) before creating one
        CompletableFuture<List<ServicePrincipal>> sps = Graphs.async(() -> g.servicePrincipals().get(rc -> {
            rc.queryParameters.filter = filter;
            rc.queryParameters.select = SELECT;
        }).getValue());
        CompletableFuture<List<Application>> apps = Graphs.async(() -> g.applications().get(rc -> {
            rc.queryParameters.filter = filter;
            rc.queryParameters.select = SELECT;
        }).getValue());
        Graphs.join(List.of(sps, apps));
        if (sps.join().size() > 1 || apps.join().size() > 1) {
            return StepPlan.blocked("Several enterprise apps are named '" + name + "'. Delete the extra ones or give the "
                    + "name of the one to use, then plan again.");
        }
        if (sps.join().isEmpty() && apps.join().isEmpty()) {
            return new StepPlan.Change("Create enterprise app '" + name + "' (non-gallery)",
                    "instantiate application template " + CUSTOM_APP_TEMPLATE + " with displayName '" + name + "'",
                    Map.of(Facts.APP_OBJECT_ID, "", Facts.APP_ID, "", Facts.SERVICE_PRINCIPAL_ID, ""), true);
        }
        if (sps.join().isEmpty() || apps.join().isEmpty()) {
            return StepPlan.blocked("'" + name + "' exists only as " + (sps.join().isEmpty() ? "an app registration" :
                    "an enterprise app without an app registration in this tenant") + "; the runbook needs both. "
                    + "Delete it or choose another app name, then plan again.");
        }
        ServicePrincipal sp = sps.join().get(0);
        Application app = apps.join().get(0);
        if (!app.getAppId().equalsIgnoreCase(sp.getAppId())) {
            return StepPlan.blocked("The app registration and the enterprise app named '" + name + "' belong to different"
                    + " applications; tidy them up in Entra, then plan again.");
        }
        return StepPlan.inPlace("Enterprise app '" + name + "' exists and will be reused (appId " + app.getAppId() + ")",
                Map.of(Facts.APP_OBJECT_ID, app.getId(), Facts.APP_ID, app.getAppId(), Facts.SERVICE_PRINCIPAL_ID, sp.getId()));
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        String name = run.parameters().appDisplayName();
        GraphServiceClient g = graph.forTenant(run.parameters().tenantId());
        var body = new InstantiatePostRequestBody();
        body.setDisplayName(name);
        ApplicationServicePrincipal created = g.applicationTemplates().byApplicationTemplateId(CUSTOM_APP_TEMPLATE)
                .instantiate().post(body);
        String appObjectId = created.getApplication().getId();
        String spId = created.getServicePrincipal().getId();
        // the engine keeps facts put here even when a later call fails, so a retry finds this app, never a second one
        run.facts().putAll(java.util.Map.of(Facts.APP_OBJECT_ID, appObjectId, Facts.APP_ID,
                created.getApplication().getAppId(), Facts.SERVICE_PRINCIPAL_ID, spId, Facts.APP_CREATED_BY_RUN, run.runId(),
                Facts.NEW_APP_ROLES, AppRoles.toJson(created.getApplication().getAppRoles())));
        // wait out replication (404 until Entra has it everywhere); if this gives up, the next plan finds the app by name
        CompletableFuture<Application> app = Graphs.async(() -> Graphs.untilFound("The new application " + appObjectId,
                () -> g.applications().byApplicationId(appObjectId)
                        .get(rc -> rc.queryParameters.select = SELECT)));
        CompletableFuture<ServicePrincipal> sp = Graphs.async(() -> Graphs.untilFound("The new service principal " + spId,
                () -> g.servicePrincipals().byServicePrincipalId(spId).get(rc -> rc.queryParameters.select = SELECT)));
        Graphs.join(List.of(app, sp));
        return StepOutcome.did("Created enterprise app '" + name + "' (appId " + created.getApplication().getAppId() + ")")
                .withFact(Facts.APP_OBJECT_ID, appObjectId).withFact(Facts.APP_ID, created.getApplication().getAppId())
                .withFact(Facts.SERVICE_PRINCIPAL_ID, spId).withFact(Facts.APP_CREATED_BY_RUN, run.runId())
                .withFact(Facts.NEW_APP_ROLES, run.facts().get(Facts.NEW_APP_ROLES));
    }

    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        // apply only returns once both objects answered a GET, so the recorded ids are the proof
        return run.fact(Facts.SERVICE_PRINCIPAL_ID).isPresent() && run.fact(Facts.APP_OBJECT_ID).isPresent()
                ? null : "the application or service principal id was not recorded";
    }
}
