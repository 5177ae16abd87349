package dev.scimpilot.entra;

import com.microsoft.graph.applicationtemplates.item.instantiate.InstantiatePostRequestBody;
import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationServicePrincipal;
import com.microsoft.graph.models.AttributeDefinition;
import com.microsoft.graph.models.AttributeFlowBehavior;
import com.microsoft.graph.models.AttributeFlowType;
import com.microsoft.graph.models.AttributeMapping;
import com.microsoft.graph.models.AttributeType;
import com.microsoft.graph.models.DirectoryDefinition;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.Mutability;
import com.microsoft.graph.models.ObjectDefinition;
import com.microsoft.graph.models.ObjectMapping;
import com.microsoft.graph.models.ParseExpressionResponse;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.models.SynchronizationSecret;
import com.microsoft.graph.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.schema.SchemaRequestBuilder;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.schema.parseexpression.ParseExpressionPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.secrets.SecretsPutRequestBody;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** The runbook's Graph calls done by hand with the SDK, exactly as graph-api.md writes them (test support). */
final class SdkRunbook {

    static final String EXO_PLAN_1 = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    static final String RULE = "(user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + EXO_PLAN_1 + "\" -and "
            + "assignedPlan.capabilityStatus -eq \"Enabled\")) -and (user.accountEnabled -eq true) -and (user.userType "
            + "-eq \"Member\") -and -not (user.mail -match \"backup|monitor|noreply|service|info\")";
    static final String EXT = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    record Onboarded(String groupId, String appObjectId, String spId, UUID endUserRoleId, String jobId, String ruleId) { }

    private final GraphServiceClient g;

    SdkRunbook(GraphServiceClient g) {
        this.g = g;
    }

    String createGroup() {
        Group grp = new Group();
        grp.setDisplayName("NinjaOne-EndUsers");
        grp.setMailNickname("NinjaOne-EndUsers");
        grp.setMailEnabled(false);
        grp.setSecurityEnabled(true);
        grp.setGroupTypes(List.of("DynamicMembership"));
        grp.setMembershipRule(RULE);
        grp.setMembershipRuleProcessingState("On");
        return g.groups().post(grp).getId();
    }

    ApplicationServicePrincipal instantiate() {
        var body = new InstantiatePostRequestBody();
        body.setDisplayName("NinjaOne SCIM");
        return g.applicationTemplates().byApplicationTemplateId("8adf8e6e-67b2-4cf2-a259-e3dc5476c621").instantiate().post(body);
    }

    UUID addEndUserRole(String appObjectId) {
        Application cur = g.applications().byApplicationId(appObjectId).get(rc -> rc.queryParameters.select = new String[]{"id", "appRoles"});
        List<AppRole> roles = new ArrayList<>(cur.getAppRoles());
        AppRole r = new AppRole();
        r.setId(UUID.randomUUID());
        r.setValue("endUser");
        r.setDisplayName("EndUser");
        r.setDescription("NinjaOne end user");
        r.setAllowedMemberTypes(List.of("User", "Application"));
        r.setIsEnabled(true);
        roles.add(r);
        Application patch = new Application();
        patch.setAppRoles(roles);
        g.applications().byApplicationId(appObjectId).patch(patch);
        return r.getId();
    }

    String createJob(String spId) {
        var templates = g.servicePrincipals().byServicePrincipalId(spId).synchronization().templates().get();
        SynchronizationJob j = new SynchronizationJob();
        j.setTemplateId(templates.getValue().get(0).getId());
        return g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().post(j).getId();
    }

    void saveSecrets(String spId, String baseAddress, String token) {
        var sb = new SecretsPutRequestBody();
        var base = new SynchronizationSecretKeyStringValuePair();
        base.setKey(SynchronizationSecret.BaseAddress);
        base.setValue(baseAddress);
        var tok = new SynchronizationSecretKeyStringValuePair();
        tok.setKey(SynchronizationSecret.SecretToken);
        tok.setValue(token);
        var all = new SynchronizationSecretKeyStringValuePair();
        all.setKey(SynchronizationSecret.SyncAll);
        all.setValue("false");
        sb.setValue(List.of(base, tok, all));
        g.servicePrincipals().byServicePrincipalId(spId).synchronization().secrets().put(sb);
    }

    void validateSavedCredentials(String spId, String jobId) {
        var vb = new ValidateCredentialsPostRequestBody();
        vb.setUseSavedCredentials(true);
        g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().bySynchronizationJobId(jobId)
                .validateCredentials().post(vb);
    }

    SchemaRequestBuilder schema(String spId, String jobId) {
        return g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().bySynchronizationJobId(jobId).schema();
    }

    /** Runbook step 6: two target attributes and two expression mappings; returns the user rule id. */
    String mapNinjaOneAttributes(String spId, String jobId, String switchExpression) {
        SchemaRequestBuilder sch = schema(spId, jobId);
        SynchronizationSchema schema = sch.get();
        ObjectMapping users = null;
        String ruleId = null;
        for (var rule : schema.getSynchronizationRules()) {
            for (ObjectMapping om : rule.getObjectMappings()) {
                if ("User".equals(om.getSourceObjectName())) {
                    users = om;
                    ruleId = rule.getId();
                }
            }
        }
        for (DirectoryDefinition dir : schema.getDirectories()) {
            if ("customappsso".equals(dir.getName())) {
                for (ObjectDefinition obj : dir.getObjects()) {
                    if (obj.getName().equals(users.getTargetObjectName())) {
                        List<AttributeDefinition> attrs = new ArrayList<>(obj.getAttributes());
                        attrs.add(attribute(EXT + ":userType"));
                        attrs.add(attribute(EXT + ":organizationId"));
                        obj.setAttributes(attrs);
                    }
                }
            }
        }
        List<AttributeMapping> mappings = new ArrayList<>(users.getAttributeMappings());
        mappings.add(mapping(sch, "SingleAppRoleAssignment([appRoleAssignments])", EXT + ":userType"));
        mappings.add(mapping(sch, switchExpression, EXT + ":organizationId"));
        users.setAttributeMappings(mappings);
        putSchema(sch, schema, true);
        return ruleId;
    }

    /** The schema PUT via RequestInformation (the SDK only has PATCH), optionally without the backing-store fix. */
    void putSchema(SchemaRequestBuilder sch, SynchronizationSchema schema, boolean resetBackingStore) {
        if (resetBackingStore) {
            schema.getBackingStore().setIsInitializationCompleted(false);
        }
        RequestInformation ri = sch.toPatchRequestInformation(schema);
        ri.httpMethod = HttpMethod.PUT;
        HashMap<String, ParsableFactory<? extends Parsable>> err = new HashMap<>();
        err.put("XXX", ODataError::createFromDiscriminatorValue);
        g.getRequestAdapter().sendPrimitive(ri, err, Void.class);
    }

    private AttributeMapping mapping(SchemaRequestBuilder sch, String expression, String target) {
        var pb = new ParseExpressionPostRequestBody();
        pb.setExpression(expression);
        ParseExpressionResponse pr = sch.parseExpression().post(pb);
        if (!Boolean.TRUE.equals(pr.getParsingSucceeded())) {
            throw new IllegalStateException("expression not parsed: " + expression);
        }
        AttributeMapping m = new AttributeMapping();
        m.setTargetAttributeName(target);
        m.setSource(pr.getParsedExpression());
        m.setFlowType(AttributeFlowType.Always);
        m.setFlowBehavior(AttributeFlowBehavior.FlowWhenChanged);
        m.setMatchingPriority(0);
        return m;
    }

    private static AttributeDefinition attribute(String name) {
        AttributeDefinition d = new AttributeDefinition();
        d.setName(name);
        d.setType(AttributeType.String);
        d.setRequired(false);
        d.setMultivalued(false);
        d.setMutability(Mutability.ReadWrite);
        d.setAnchor(false);
        d.setCaseExact(false);
        return d;
    }

    void assignGroup(String spId, String groupId, UUID roleId) {
        AppRoleAssignment a = new AppRoleAssignment();
        a.setPrincipalId(UUID.fromString(groupId));
        a.setResourceId(UUID.fromString(spId));
        a.setAppRoleId(roleId);
        g.servicePrincipals().byServicePrincipalId(spId).appRoleAssignedTo().post(a);
    }

    /** Steps 1-7 in the real order, ending with the group assigned; provisioning not started yet. */
    Onboarded onboard(String scimBaseUrl, String scimToken, String switchExpression) {
        String groupId = createGroup();
        ApplicationServicePrincipal asp = instantiate();
        String appObjectId = asp.getApplication().getId();
        String spId = asp.getServicePrincipal().getId();
        UUID role = addEndUserRole(appObjectId);
        String jobId = createJob(spId);
        saveSecrets(spId, scimBaseUrl, scimToken);
        validateSavedCredentials(spId, jobId);
        String ruleId = mapNinjaOneAttributes(spId, jobId, switchExpression);
        assignGroup(spId, groupId, role);
        return new Onboarded(groupId, appObjectId, spId, role, jobId, ruleId);
    }
}
