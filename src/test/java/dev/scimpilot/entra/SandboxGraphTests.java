package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SynchronizationSchema;
import com.microsoft.graph.models.SynchronizationSecret;
import com.microsoft.graph.models.SynchronizationSecretKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.validatecredentials.ValidateCredentialsPostRequestBody;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.scimpilot.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's Graph, driven through the real Graph SDK built by GraphClients, call chain by call chain. */
class SandboxGraphTests {

    private static final String EXO = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    private static final String EXO_ENABLED = "assignedPlans/any(a:a/servicePlanId eq " + EXO
            + " and a/capabilityStatus eq 'Enabled')";
    private Sandbox sb;
    private GraphServiceClient g;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
        g = SandboxTestSupport.graphClients(sb).forTenant(BRENNWALD_TENANT_ID);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void licenceCheckFindsEntraIdP1OnlyInTheBusinessPremiumTenant() {
        assertThat(hasP1(g)).isTrue();
        assertThat(hasP1(SandboxTestSupport.graphClients(sb).forTenant(SEEBERGER_TENANT_ID))).isFalse();
    }

    private static boolean hasP1(GraphServiceClient client) {
        for (SubscribedSku s : client.subscribedSkus().get().getValue()) {
            for (ServicePlanInfo p : s.getServicePlans()) {
                if (p.getServicePlanId().equals(UUID.fromString("41781fb2-bc02-4b7c-bd55-b576c07bb09d"))
                        && "Success".equals(p.getProvisioningStatus()) && "Enabled".equals(s.getCapabilityStatus())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void exchangeUsersComePageByPageAndThePageIteratorSendsConsistencyLevelOnEveryNextLink() throws Exception {
        UserCollectionResponse page = g.users().get(advanced(true));
        assertThat(page.getOdataNextLink()).isNotNull();
        List<User> users = new ArrayList<>();
        PageIterator<User, UserCollectionResponse> it = new PageIterator.Builder<User, UserCollectionResponse>()
                .client(g).collectionPage(page).collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .requestConfigurator(ri -> {
                    ri.headers.add("ConsistencyLevel", "eventual");
                    return ri;
                })
                .processPageItemCallback(u -> users.add(u)).build();
        it.iterate();

        // 7 people + 5 service mailboxes + 1 disabled; not the guest nor the user without Exchange
        assertThat(users).hasSize(13);
        assertThat(users).allSatisfy(u -> assertThat(u.getCompanyName()).isEqualTo(BRENNWALD_COMPANY));
        assertThat(users).extracting(User::getUserType).containsOnly("Member");
        assertThat(sb.requests()).filteredOn(r -> r.path().endsWith("/users")).hasSize(3);
    }

    /** The PageIterator registers no error mapping, so a failing nextLink page surfaces as a plain ApiException. */
    @Test
    void nextLinkPagesWithoutConsistencyLevelAreRejectedLikeTheFirstPage() {
        UserCollectionResponse page = g.users().get(advanced(true));
        PageIterator<User, UserCollectionResponse> it;
        try {
            it = new PageIterator.Builder<User, UserCollectionResponse>().client(g).collectionPage(page)
                    .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                    .processPageItemCallback(u -> true).build();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(it::iterate).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
    }

    @Test
    void anAdvancedQueryWithoutConsistencyLevelIsA400UnsupportedQuery() {
        assertThatThrownBy(() -> g.users().get(advanced(false))).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            assertThat(e.getError().getCode()).isEqualTo("Request_UnsupportedQuery");
        });
    }

    @Test
    void usersWithoutSelectCarryOnlyTheDefaultProperties() {
        User u = g.users().get().getValue().get(0);
        assertThat(u.getUserPrincipalName()).isNotNull();
        assertThat(u.getCompanyName()).isNull();
        assertThat(u.getAccountEnabled()).isNull();
    }

    private static Consumer<com.microsoft.graph.users.UsersRequestBuilder.GetRequestConfiguration> advanced(boolean header) {
        return rc -> {
            rc.queryParameters.filter = EXO_ENABLED;
            rc.queryParameters.select = new String[]{"id", "userPrincipalName", "mail", "companyName", "accountEnabled",
                    "userType", "assignedPlans"};
            rc.queryParameters.count = true;
            rc.queryParameters.top = 5;
            if (header) {
                rc.headers.add("ConsistencyLevel", "eventual");
            }
        };
    }

    @Test
    void theRunbookGroupRuleExcludesServiceMailboxesDisabledAccountsGuestsAndUsersWithoutExchange() {
        String id = new SdkRunbook(g).createGroup();
        var members = g.groups().byGroupId(id).members().get(rc -> rc.queryParameters.select = new String[]{"id", "mail"});
        assertThat(members.getValue()).extracting(m -> ((User) m).getMail()).containsExactlyInAnyOrder(
                "anna.meier@brennwald-heilig.ch", "beat.keller@brennwald-heilig.ch", "claudia.frei@brennwald-heilig.ch",
                "daniel.huber@brennwald-heilig.ch", "eva.schmid@brennwald-heilig.ch", "fabian.brunner@brennwald-heilig.ch",
                "sandra.wyss@brennwald-heilig.ch");
        Group state = g.groups().byGroupId(id).get(rc -> rc.queryParameters.select =
                new String[]{"id", "membershipRule", "membershipRuleProcessingState"});
        assertThat(state.getMembershipRule()).isEqualTo(SdkRunbook.RULE);
        assertThat(g.groups().get(rc -> rc.queryParameters.filter = "displayName eq 'NinjaOne-EndUsers'").getValue())
                .extracting(Group::getId).containsExactly(id);
    }

    @Test
    void anInvalidMembershipRuleOrAMissingMailNicknameIsA400() {
        Group bad = new Group();
        bad.setDisplayName("x");
        bad.setMailNickname("x");
        bad.setMailEnabled(false);
        bad.setSecurityEnabled(true);
        bad.setGroupTypes(List.of("DynamicMembership"));
        bad.setMembershipRule("(user.mail -matches \"x\"");
        bad.setMembershipRuleProcessingState("On");
        assertThatThrownBy(() -> g.groups().post(bad)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
        Group noNick = new Group();
        noNick.setDisplayName("x");
        noNick.setMailEnabled(false);
        noNick.setSecurityEnabled(true);
        assertThatThrownBy(() -> g.groups().post(noNick)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getError().getMessage()).contains("mailNickname"));
    }

    @Test
    void aDynamicGroupIsRefusedInATenantWithoutEntraIdP1() {
        GraphServiceClient seeberger = SandboxTestSupport.graphClients(sb).forTenant(SEEBERGER_TENANT_ID);
        assertThatThrownBy(() -> new SdkRunbook(seeberger).createGroup()).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getError().getMessage()).contains("P1"));
    }

    @Test
    void throttlingWithRetryAfterIsRetriedByTheSdkRetryHandler() {
        sb.faults().failNext(2, "/subscribedSkus", 429).failNext(1, "/organization", 503);
        assertThat(g.subscribedSkus().get().getValue()).isNotEmpty();
        assertThat(g.organization().get().getValue()).singleElement()
                .satisfies(o -> assertThat(o.getDisplayName()).isEqualTo(BRENNWALD_COMPANY));
        assertThat(sb.requests()).filteredOn(r -> r.path().endsWith("/subscribedSkus")).hasSize(3);
        assertThat(sb.requests()).filteredOn(r -> r.path().endsWith("/organization")).hasSize(2);
    }

    @Test
    void aNewServicePrincipalAnswers404UntilItHasReplicated() {
        sb.faults().replicationDelay(2);
        var asp = new SdkRunbook(g).instantiate();
        String spId = asp.getServicePrincipal().getId();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> g.servicePrincipals().byServicePrincipalId(spId).get())
                    .isInstanceOfSatisfying(ODataError.class, e -> {
                        assertThat(e.getResponseStatusCode()).isEqualTo(404);
                        assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
                    });
        }
        assertThat(g.servicePrincipals().byServicePrincipalId(spId).get().getAppRoles())
                .extracting(AppRole::getDisplayName).containsExactlyInAnyOrder("msiam_access", "User");
        assertThat(g.servicePrincipals().get(rc -> rc.queryParameters.filter = "displayName eq 'NinjaOne SCIM'").getValue())
                .singleElement().satisfies(sp -> assertThat(sp.getId()).isEqualTo(spId));
        assertThat(g.servicePrincipalsWithAppId(asp.getApplication().getAppId()).get().getId()).isEqualTo(spId);
    }

    @Test
    void aCallWithoutATokenIs401WithTheGraphErrorEnvelopeAndARequestId() throws Exception {
        GraphServiceClient anonymous = new GraphServiceClient(new AnonymousAuthenticationProvider());
        anonymous.getRequestAdapter().setBaseUrl(sb.graphBaseUrl());
        assertThatThrownBy(() -> anonymous.subscribedSkus().get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(401);
            assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        });
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sb.graphBaseUrl() + "/users")).header("Authorization", "Bearer not-a-jwt").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("request-id")).isPresent();
        assertThat(raw.body()).contains("\"innerError\"").contains("\"request-id\"");
    }

    @Test
    void theGraphSdkSendsItsBearerTokenToTheSandboxHost() {
        g.organization().get();
        assertThat(sb.requests()).filteredOn(r -> r.path().startsWith("/graph/")).allMatch(Sandbox.RecordedRequest::bearer);
    }

    @Test
    void schemaPatchIs404LikeTheServiceAndAPutWithoutTheBackingStoreResetIsRejected() {
        var runbook = new SdkRunbook(g);
        var asp = runbook.instantiate();
        String spId = asp.getServicePrincipal().getId();
        String jobId = runbook.createJob(spId);
        var sch = runbook.schema(spId, jobId);
        assertThat(sch.functions().get().getValue()).extracting(f -> f.getId())
                .contains("Switch", "SingleAppRoleAssignment");
        SynchronizationSchema schema = sch.get();
        assertThatThrownBy(() -> sch.patch(schema)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));

        SynchronizationSchema fetched = sch.get();
        fetched.setDirectories(new ArrayList<>(fetched.getDirectories()));
        assertThatThrownBy(() -> runbook.putSchema(sch, fetched, false)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getError().getMessage()).contains("synchronizationRules"));
        runbook.putSchema(sch, fetched, true);
    }

    @Test
    void appRolesArePatchedAsAWholeAndAnEnabledRoleCannotBeDropped() {
        var runbook = new SdkRunbook(g);
        var asp = runbook.instantiate();
        String appObjectId = asp.getApplication().getId();
        UUID endUser = runbook.addEndUserRole(appObjectId);
        assertThat(g.servicePrincipals().byServicePrincipalId(asp.getServicePrincipal().getId())
                .get(rc -> rc.queryParameters.select = new String[]{"appRoles"}).getAppRoles())
                .extracting(AppRole::getId).contains(endUser, UUID.fromString("b9632174-c057-4f7e-951b-be3adc52bfe6"));
        Application onlyNew = new Application();
        AppRole r = new AppRole();
        r.setId(UUID.randomUUID());
        r.setDisplayName("Other");
        r.setValue("other");
        r.setAllowedMemberTypes(List.of("User"));
        r.setIsEnabled(true);
        onlyNew.setAppRoles(List.of(r));
        assertThatThrownBy(() -> g.applications().byApplicationId(appObjectId).patch(onlyNew))
                .isInstanceOfSatisfying(ODataError.class,
                        e -> assertThat(e.getError().getCode()).isEqualTo("CannotDeleteOrUpdateEnabledEntitlement"));
    }

    @Test
    void validateCredentialsCallsTheScimEndpointWithExplicitCredentials() {
        var runbook = new SdkRunbook(g);
        String spId = runbook.instantiate().getServicePrincipal().getId();
        String jobId = runbook.createJob(spId);
        var idp = sb.state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        var jobs = g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().bySynchronizationJobId(jobId);
        jobs.validateCredentials().post(explicit(idp.scimBaseUrl(), idp.token()));
        assertThatThrownBy(() -> jobs.validateCredentials().post(explicit(idp.scimBaseUrl(), "wrong")))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getMessage()).contains("401"));
        assertThat(sb.requests()).filteredOn(q -> q.path().startsWith("/scim/")).hasSize(2);
    }

    @Test
    void credentialsCanBeTestedBeforeAJobExistsAndAJobCanBePaused() {
        var runbook = new SdkRunbook(g);
        var asp = runbook.instantiate();
        String spId = asp.getServicePrincipal().getId();
        var idp = sb.state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        var body = new com.microsoft.graph.serviceprincipals.item.synchronization.jobs.validatecredentials
                .ValidateCredentialsPostRequestBody();
        body.setTemplateId("scim");
        body.setApplicationIdentifier(asp.getApplication().getAppId());
        body.setCredentials(explicit(idp.scimBaseUrl(), idp.token()).getCredentials());
        g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().validateCredentials().post(body);

        String jobId = runbook.createJob(spId);
        var job = g.servicePrincipals().byServicePrincipalId(spId).synchronization().jobs().bySynchronizationJobId(jobId);
        assertThat(job.get().getStatus().getCode()).isEqualTo(SynchronizationStatusCode.NotConfigured);
        runbook.saveSecrets(spId, idp.scimBaseUrl(), idp.token());
        job.start().post();
        assertThat(job.get().getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Active);
        job.pause().post();
        assertThat(job.get().getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Paused);
        assertThat(g.applicationsWithAppId(asp.getApplication().getAppId()).get().getId())
                .isEqualTo(asp.getApplication().getId());
    }

    private static ValidateCredentialsPostRequestBody explicit(String base, String token) {
        var body = new ValidateCredentialsPostRequestBody();
        var b = new SynchronizationSecretKeyStringValuePair();
        b.setKey(SynchronizationSecret.BaseAddress);
        b.setValue(base);
        var t = new SynchronizationSecretKeyStringValuePair();
        t.setKey(SynchronizationSecret.SecretToken);
        t.setValue(token);
        body.setCredentials(List.of(b, t));
        body.setUseSavedCredentials(false);
        return body;
    }

    @Test
    void provisioningLogsNeedEntraIdP1() {
        GraphServiceClient seeberger = SandboxTestSupport.graphClients(sb).forTenant(SEEBERGER_TENANT_ID);
        assertThatThrownBy(() -> seeberger.auditLogs().provisioning().get()).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
        GraphServiceClient rheintal = SandboxTestSupport.graphClients(sb).forTenant(RHEINTAL_TENANT_ID);
        var logs = rheintal.auditLogs().provisioning().get(rc -> {
            rc.queryParameters.filter = "servicePrincipal/id eq '" + RHEINTAL_SP_ID + "'";
            rc.queryParameters.top = 50;
            rc.queryParameters.orderby = new String[]{"activityDateTime desc"};
        });
        assertThat(logs.getValue()).hasSize(5);
        assertThat(logs.getValue().get(0).getProvisioningStatusInfo().getErrorInformation().getReason())
                .contains("invalid credentials");
    }

    @Test
    void aJsonBatchFansOutReadsWithPerRequestConsistencyLevelAndPerRequestStatus() throws Exception {
        sb.faults().failNext(1, "/subscribedSkus", 429);
        var batch = new BatchRequestContent(g);
        String skus = batch.addBatchRequestStep(g.subscribedSkus().toGetRequestInformation());
        String users = batch.addBatchRequestStep(g.users().toGetRequestInformation(advanced(true)));
        String noHeader = batch.addBatchRequestStep(g.users().toGetRequestInformation(advanced(false)));
        BatchResponseContent response = g.getBatchRequestBuilder().post(batch, null);

        assertThat(response.getResponsesStatusCode()).containsEntry(skus, 429).containsEntry(users, 200)
                .containsEntry(noHeader, 400);
        UserCollectionResponse page = response.getResponseById(users, UserCollectionResponse::createFromDiscriminatorValue);
        assertThat(page.getValue()).hasSize(5);
        var retry = batch.createNewBatchFromFailedRequests(java.util.Map.of(skus, 429));
        // the retry batch gives its steps new ids
        assertThat(g.getBatchRequestBuilder().post(retry, null).getResponsesStatusCode()).containsOnlyKeys(
                retry.getBatchRequestSteps().keySet()).containsValue(200).hasSize(1);
    }

    @Test
    void ownersOfTheNewAppAreTheCallingAppAndEvaluateDynamicMembershipIsRefusedAppOnly() {
        var asp = new SdkRunbook(g).instantiate();
        assertThat(g.servicePrincipals().byServicePrincipalId(asp.getServicePrincipal().getId()).owners().get().getValue())
                .singleElement().satisfies(o -> assertThat(o).isInstanceOf(com.microsoft.graph.models.ServicePrincipal.class));
        var ri = new RequestInformation();
        ri.httpMethod = HttpMethod.POST;
        ri.setUri(URI.create(sb.graphBetaBaseUrl() + "/groups/" + RHEINTAL_GROUP_ID + "/evaluateDynamicMembership"));
        HashMap<String, ParsableFactory<? extends Parsable>> err = new HashMap<>();
        err.put("XXX", ODataError::createFromDiscriminatorValue);
        assertThatThrownBy(() -> g.getRequestAdapter().sendPrimitive(ri, err, Void.class))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
    }

    @Test
    void theBetaGroupShowsItsMembershipProcessingStatusThroughARawRequest() throws Exception {
        var ri = new RequestInformation();
        ri.httpMethod = HttpMethod.GET;
        ri.setUri(URI.create(sb.graphBetaBaseUrl() + "/groups/" + RHEINTAL_GROUP_ID
                + "?$select=membershipRuleProcessingStatus"));
        HashMap<String, ParsableFactory<? extends Parsable>> err = new HashMap<>();
        err.put("XXX", ODataError::createFromDiscriminatorValue);
        GraphServiceClient rheintal = SandboxTestSupport.graphClients(sb).forTenant(RHEINTAL_TENANT_ID);
        Group grp = rheintal.getRequestAdapter().send(ri, err, Group::createFromDiscriminatorValue);
        assertThat(grp.getAdditionalData().get("membershipRuleProcessingStatus")).isNotNull();
    }
}
