package dev.scimpilot.entra;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.StringKeyStringValuePair;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationJobApplicationParameters;
import com.microsoft.graph.models.SynchronizationJobRestartCriteria;
import com.microsoft.graph.models.SynchronizationJobRestartScope;
import com.microsoft.graph.models.SynchronizationJobSubject;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.models.QuarantineReason;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.provisionondemand.ProvisionOnDemandPostRequestBody;
import com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.restart.RestartPostRequestBody;
import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOneProperties;
import dev.scimpilot.ninjaone.NinjaOneRestClient;
import dev.scimpilot.sandbox.Sandbox;
import dev.scimpilot.sandbox.SandboxState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole runbook done by hand with the real Graph SDK against the sandbox, checked through the NinjaOne client. */
class SimulatedOnboardingTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Sandbox sb;
    private GraphClients clients;
    private NinjaOne ninja;

    @BeforeEach
    void start() {
        sb = Sandbox.start(0);
        clients = SandboxTestSupport.graphClients(sb);
        ninja = new NinjaOneRestClient(new NinjaOneProperties(sb.ninjaOneBaseUrl(), NINJA_CLIENT_ID, NINJA_CLIENT_SECRET,
                null, Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void onboardingBrennwaldProvisionsTheSevenLicensedPeopleIntoTheirNinjaOneOrganization() throws Exception {
        GraphServiceClient g = clients.forTenant(BRENNWALD_TENANT_ID);
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        var done = new SdkRunbook(g).onboard(idp.scimBaseUrl(), idp.token(),
                "Switch([companyName], \"All\", \"" + BRENNWALD_COMPANY + "\", \"" + BRENNWALD_ORG_ID + "\")");

        var assigned = g.servicePrincipals().byServicePrincipalId(done.spId()).appRoleAssignedTo()
                .get(rc -> rc.queryParameters.filter = "principalId eq " + done.groupId());
        assertThat(assigned.getValue()).singleElement().satisfies(a -> {
            assertThat(a.getPrincipalType()).isEqualTo("Group");
            assertThat(a.getAppRoleId()).isEqualTo(done.endUserRoleId());
        });
        assertThatThrownBy(() -> new SdkRunbook(g).assignGroup(done.spId(), done.groupId(), done.endUserRoleId()))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));

        String anna = userId("anna.meier@" + BRENNWALD_DOMAIN);
        StringKeyStringValuePair r = provisionOnDemand(g, done, anna);
        assertThat(JSON.readTree(r.getKey()).path("result").asText()).isEqualTo("Success");
        assertThat(JSON.readTree(r.getValue()).path("action").asText()).isEqualTo("Create");
        assertThat(ninja.endUsers(BRENNWALD_ORG_ID)).extracting(NinjaEndUser::email)
                .containsExactly("anna.meier@" + BRENNWALD_DOMAIN);

        job(g, done).start().post();

        assertThat(ninja.endUsers(BRENNWALD_ORG_ID)).extracting(NinjaEndUser::email).containsExactlyInAnyOrder(
                "anna.meier@brennwald-heilig.ch", "beat.keller@brennwald-heilig.ch", "claudia.frei@brennwald-heilig.ch",
                "daniel.huber@brennwald-heilig.ch", "eva.schmid@brennwald-heilig.ch", "fabian.brunner@brennwald-heilig.ch",
                "sandra.wyss@brennwald-heilig.ch");
        assertThat(ninja.globalEndUsers()).isEmpty();
        SynchronizationJob status = job(g, done).get();
        assertThat(status.getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Active);
        assertThat(status.getStatus().getLastExecution().getCountExported()).isEqualTo(7);
        assertThat(status.getStatus().getSteadyStateLastAchievedTime()).isNotNull();
        var logs = g.auditLogs().provisioning().get(rc -> rc.queryParameters.filter = "jobId eq '" + done.jobId() + "'");
        assertThat(logs.getValue()).hasSize(8); // on demand + 7 in the cycle (anna updated)
    }

    @Test
    void companyNameVariantsBecomeGlobalEndUsersWithFallbackAllAndAreNotProvisionedWithAnEmptyFallback() {
        GraphServiceClient g = clients.forTenant(ALPENBLICK_TENANT_ID);
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(ALPENBLICK_ORG_ID).orElseThrow();
        var done = new SdkRunbook(g).onboard(idp.scimBaseUrl(), idp.token(),
                "Switch([companyName], \"All\", \"" + ALPENBLICK_COMPANY + "\", \"" + ALPENBLICK_ORG_ID + "\")");
        job(g, done).start().post();

        assertThat(ninja.endUsers(ALPENBLICK_ORG_ID)).extracting(NinjaEndUser::lastName)
                .containsExactlyInAnyOrder("Gysin", "Widmer");
        assertThat(ninja.globalEndUsers()).extracting(NinjaEndUser::lastName)
                .containsExactlyInAnyOrder("Bärtschi", "Ammann", "Zbinden", "Suter", "Hofer");
    }

    @Test
    void fixingACompanyNameMovesTheUserIntoTheOrganizationAndALeaverIsDisabledOnTheNextCycle() {
        GraphServiceClient g = clients.forTenant(ALPENBLICK_TENANT_ID);
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(ALPENBLICK_ORG_ID).orElseThrow();
        var done = new SdkRunbook(g).onboard(idp.scimBaseUrl(), idp.token(),
                "Switch([companyName], \"All\", \"" + ALPENBLICK_COMPANY + "\", \"" + ALPENBLICK_ORG_ID + "\")");
        job(g, done).start().post();
        sb.state().setCompanyName(ALPENBLICK_TENANT_ID, "reto.ammann@" + ALPENBLICK_DOMAIN, ALPENBLICK_COMPANY);
        sb.state().setAccountEnabled(ALPENBLICK_TENANT_ID, "stefan.widmer@" + ALPENBLICK_DOMAIN, false);

        var rb = new RestartPostRequestBody();
        var c = new SynchronizationJobRestartCriteria();
        c.setResetScope(EnumSet.of(SynchronizationJobRestartScope.Escrows));
        rb.setCriteria(c);
        job(g, done).restart().post(rb);

        assertThat(ninja.endUsers(ALPENBLICK_ORG_ID)).extracting(NinjaEndUser::lastName, NinjaEndUser::enabled)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Gysin", true),
                        org.assertj.core.groups.Tuple.tuple("Ammann", true),
                        org.assertj.core.groups.Tuple.tuple("Widmer", false));
        assertThat(ninja.globalEndUsers()).extracting(NinjaEndUser::lastName).doesNotContain("Ammann");
    }

    @Test
    void anEmptyFallbackLeavesUnmatchedUsersOutOfNinjaOneAndLogsTheRejection() {
        GraphServiceClient g = clients.forTenant(ALPENBLICK_TENANT_ID);
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(ALPENBLICK_ORG_ID).orElseThrow();
        var done = new SdkRunbook(g).onboard(idp.scimBaseUrl(), idp.token(),
                "Switch([companyName], \"\", \"" + ALPENBLICK_COMPANY + "\", \"" + ALPENBLICK_ORG_ID + "\")");
        job(g, done).start().post();

        assertThat(ninja.endUsers(ALPENBLICK_ORG_ID)).hasSize(2);
        assertThat(ninja.globalEndUsers()).isEmpty();
        assertThat(sb.state().provisioningLogs(ALPENBLICK_TENANT_ID)).filteredOn(l -> l.status().equals("failure"))
                .hasSize(5).allSatisfy(l -> assertThat(l.reason()).contains("organizationId"));
        assertThat(job(g, done).get().getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Active);
    }

    @Test
    void theOnboardedRheintalTenantIsInQuarantineForInvalidCredentialsUntilTheTokenIsRotated() {
        GraphServiceClient g = clients.forTenant(RHEINTAL_TENANT_ID);
        var jobs = g.servicePrincipals().byServicePrincipalId(RHEINTAL_SP_ID).synchronization().jobs().get();
        SynchronizationJob job = jobs.getValue().get(0);
        assertThat(job.getId()).isEqualTo(RHEINTAL_JOB_ID);
        assertThat(job.getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Quarantine);
        assertThat(job.getStatus().getQuarantine().getReason()).isEqualTo(QuarantineReason.EncounteredQuarantineException);
        assertThat(job.getStatus().getQuarantine().getError().getMessage()).contains("invalid credentials");
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(RHEINTAL_ORG_ID).orElseThrow();
        assertThat(idp.tokenExpiresAt()).isBetween(java.time.Instant.now().plus(Duration.ofDays(4)),
                java.time.Instant.now().plus(Duration.ofDays(6)));
        assertThat(ninja.endUsers(RHEINTAL_ORG_ID)).hasSize(4);
        var runbook = new SdkRunbook(g);
        assertThatThrownBy(() -> runbook.validateSavedCredentials(RHEINTAL_SP_ID, RHEINTAL_JOB_ID))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getMessage()).contains("401"));

        // token rotation: new token into Entra, test, restart with QuarantineState
        SandboxState.ScimIdentityProvider fresh = sb.state().regenerateScimToken(RHEINTAL_ORG_ID);
        runbook.saveSecrets(RHEINTAL_SP_ID, fresh.scimBaseUrl(), fresh.token());
        runbook.validateSavedCredentials(RHEINTAL_SP_ID, RHEINTAL_JOB_ID);
        var rb = new RestartPostRequestBody();
        var c = new SynchronizationJobRestartCriteria();
        c.setResetScope(EnumSet.of(SynchronizationJobRestartScope.Escrows, SynchronizationJobRestartScope.QuarantineState));
        rb.setCriteria(c);
        g.servicePrincipals().byServicePrincipalId(RHEINTAL_SP_ID).synchronization().jobs()
                .bySynchronizationJobId(RHEINTAL_JOB_ID).restart().post(rb);

        SynchronizationJob after = g.servicePrincipals().byServicePrincipalId(RHEINTAL_SP_ID).synchronization().jobs()
                .bySynchronizationJobId(RHEINTAL_JOB_ID).get();
        assertThat(after.getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Active);
        assertThat(after.getStatus().getQuarantine()).isNull();
        assertThat(ninja.endUsers(RHEINTAL_ORG_ID)).extracting(NinjaEndUser::lastName)
                .containsExactlyInAnyOrder("Kobelt", "Öhri", "Gantenbein", "Hasler", "Frick");
    }

    @Test
    void aRunningJobGoesIntoQuarantineWhenNinjaOneRegeneratesTheToken() {
        GraphServiceClient g = clients.forTenant(BRENNWALD_TENANT_ID);
        SandboxState.ScimIdentityProvider idp = sb.state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        var done = new SdkRunbook(g).onboard(idp.scimBaseUrl(), idp.token(),
                "Switch([companyName], \"All\", \"" + BRENNWALD_COMPANY + "\", \"" + BRENNWALD_ORG_ID + "\")");
        sb.state().regenerateScimToken(BRENNWALD_ORG_ID);

        job(g, done).start().post();

        SynchronizationJob j = job(g, done).get();
        assertThat(j.getStatus().getCode()).isEqualTo(SynchronizationStatusCode.Quarantine);
        assertThat(j.getStatus().getQuarantine().getReason()).isEqualTo(QuarantineReason.EncounteredQuarantineException);
        assertThat(sb.state().jobs(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(v -> assertThat(v.quarantineMessage()).contains("invalid credentials"));
        assertThat(ninja.endUsers(BRENNWALD_ORG_ID)).isEmpty();
    }

    private String userId(String upn) {
        return sb.state().users(BRENNWALD_TENANT_ID).stream().filter(u -> u.userPrincipalName().equals(upn))
                .findFirst().orElseThrow().id();
    }

    private static com.microsoft.graph.serviceprincipals.item.synchronization.jobs.item.SynchronizationJobItemRequestBuilder job(
            GraphServiceClient g, SdkRunbook.Onboarded done) {
        return g.servicePrincipals().byServicePrincipalId(done.spId()).synchronization().jobs().bySynchronizationJobId(done.jobId());
    }

    private static StringKeyStringValuePair provisionOnDemand(GraphServiceClient g, SdkRunbook.Onboarded done, String userId) {
        var pod = new ProvisionOnDemandPostRequestBody();
        var subj = new SynchronizationJobSubject();
        subj.setObjectId(userId);
        subj.setObjectTypeName("User");
        var par = new SynchronizationJobApplicationParameters();
        par.setRuleId(done.ruleId());
        par.setSubjects(List.of(subj));
        pod.setParameters(List.of(par));
        return job(g, done).provisionOnDemand().post(pod);
    }
}
