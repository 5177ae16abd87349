package dev.scimpilot.onboarding;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.AttributeMapping;
import com.microsoft.graph.models.ObjectMapping;
import dev.scimpilot.cards.PreflightReportCard;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.entra.EntraProperties;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.entra.GraphProperties;
import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOrganization;
import dev.scimpilot.onboarding.steps.StepHarness;
import dev.scimpilot.runs.Run;
import dev.scimpilot.runs.RunRepository;
import dev.scimpilot.runs.RunService;
import dev.scimpilot.runs.RunStatus;
import dev.scimpilot.runs.StepState;
import dev.scimpilot.sandbox.SandboxState;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import dev.scimpilot.testing.BotIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Onboarding through the run engine (plan, approval, scheduled steps) against a fresh sandbox per test, with the
 * production Graph SDK and NinjaOne client; preflight of the demo tenants that each show one runbook problem.
 */
@BotIntegrationTest
@Import(OnboardingRunIT.SandboxClients.class)
@TestPropertySource(properties = {
        "scimpilot.access.technicians=tech-1",
        "scimpilot.access.approvers=boss-1",
        "scimpilot.access.four-eyes=true",
        "scimpilot.runs.polling-interval=PT0.2S",
        "scimpilot.scim.allowed-hosts=127.0.0.1",
        "scimpilot.scim.allow-loopback=true"})
class OnboardingRunIT {

    static final ChatUser TECH = new ChatUser("29:t", "tech-1", "Anna Technician");
    static final ChatUser BOSS = new ChatUser("29:b", "boss-1", "Bruno Approver");
    /** The sandbox of the running test; the Graph and NinjaOne beans below talk to it. */
    static volatile StepHarness current;

    /** Graph and NinjaOne beans that follow {@link #current}, so each test gets a clean sandbox in one Spring context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SandboxClients {
        @Bean
        @Primary
        GraphClients sandboxGraphClients(GraphProperties properties, EntraProperties entra) {
            return new GraphClients(properties, entra) {
                @Override
                public com.microsoft.graph.serviceclient.GraphServiceClient forTenant(String tenantId) {
                    return current.graph.forTenant(tenantId);
                }
            };
        }

        @Bean
        @Primary
        NinjaOne sandboxNinjaOne() {
            return new NinjaOne() {
                public List<NinjaOrganization> organizations() {
                    return current.ninja.organizations();
                }

                public Optional<NinjaOrganization> organization(long id) {
                    return current.ninja.organization(id);
                }

                public List<NinjaEndUser> endUsers(long id) {
                    return current.ninja.endUsers(id);
                }

                public List<NinjaEndUser> globalEndUsers() {
                    return current.ninja.globalEndUsers();
                }
            };
        }
    }

    @Autowired RunService service;
    @Autowired RunRepository runs;
    @Autowired OnboardingRunbook runbook;
    @Autowired OnboardingSsoRunbook ssoRunbook;
    @Autowired Preflight preflight;
    @Autowired SecretVault vault;

    @BeforeEach
    void freshSandbox() {
        current = new StepHarness();
    }

    @AfterEach
    void closeSandbox() {
        current.close();
    }

    private SandboxState state() {
        return current.sandbox.state();
    }

    /** What the onboarding form would submit for Brennwald after preflight, with the token put into the vault. */
    private OnboardingParameters brennwald(String token) {
        var idp = state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        SecretRef ref = vault.put("scim-token-brennwald", Secret.of(token == null ? idp.token() : token),
                Instant.now().plus(Duration.ofDays(182)));
        OnboardingParameters p = params(BRENNWALD_COMPANY, BRENNWALD_DOMAIN, BRENNWALD_TENANT_ID, BRENNWALD_ORG_ID,
                OnboardingParameters.DEFAULT_APP_NAME, idp.scimBaseUrl(), ref, null);
        String canary = preflight.check(p).canaryUserId();
        return params(BRENNWALD_COMPANY, BRENNWALD_DOMAIN, BRENNWALD_TENANT_ID, BRENNWALD_ORG_ID,
                OnboardingParameters.DEFAULT_APP_NAME, idp.scimBaseUrl(), ref, canary);
    }

    private static OnboardingParameters params(String client, String domain, String tenant, long org, String app,
            String scimUrl, SecretRef token, String canary) {
        return new OnboardingParameters(client, domain, tenant, org, client, "All", List.of(), OnboardingParameters.DEFAULT_GROUP,
                OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "", app, scimUrl, token, false, canary);
    }

    private Run onboard(OnboardingParameters p, RunStatus until) {
        Run run = service.plan(runbook, p, TECH, "conv-onboarding");
        assertThat(run.status()).as("plan: %s", run.steps()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(service.approve(run.id(), 1, BOSS).done()).isTrue();
        return await(run.id(), r -> r.status() == until);
    }

    @Test
    void brennwaldIsOnboardedEndToEndAndASecondRunFindsEverythingInPlace() {
        OnboardingParameters p = brennwald(null);

        Run done = onboard(p, RunStatus.SUCCEEDED);

        assertThat(done.steps()).extracting(Run.Step::state).containsOnly(StepState.DONE, StepState.SKIPPED);
        assertThat(done.steps()).extracting(Run.Step::stepId).startsWith("dynamic-group", "enterprise-app", "app-role",
                "provisioning-job", "group-assignment", "provision-on-demand", "verify-ninjaone");
        assertThat(state().groups(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(g -> assertThat(g.membershipRule()).isEqualTo(RUNBOOK_GROUP_RULE));
        assertThat(state().applications(BRENNWALD_TENANT_ID)).singleElement().satisfies(a -> assertThat(a.appRoles())
                .filteredOn(r -> "endUser".equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.displayName()).isEqualTo("EndUser")));
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(sp -> assertThat(sp.assignedPrincipalIds()).containsExactly(done.facts().get("groupId")));
        assertThat(state().jobs(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(j -> assertThat(j.scheduleState()).isEqualTo("Active"));
        assertThat(userMappings(done)).extracting(m -> m.getSource().getExpression()).contains(
                "SingleAppRoleAssignment([appRoleAssignments])",
                "Switch([companyName], \"All\", \"Brennwald + Heilig AG\", \"12\")");
        assertThat(current.ninja.endUsers(BRENNWALD_ORG_ID)).hasSize(7);
        assertThat(runbook.resultFacts(done, p)).containsEntry("SCIM token expiry",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6).toString());

        int requestsBefore = current.sandbox.requests().size();
        Run second = service.plan(runbook, p, TECH, "conv-onboarding");
        assertThat(second.steps()).extracting(Run.Step::planKind).containsOnly("IN_PLACE");
        service.approve(second.id(), 1, BOSS);
        Run again = await(second.id(), r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(again.steps()).extracting(Run.Step::state).containsOnly(StepState.SKIPPED);
        assertThat(current.sandbox.requests().subList(requestsBefore, current.sandbox.requests().size()))
                .filteredOn(r -> r.path().startsWith("/graph/")).isNotEmpty()
                .extracting(dev.scimpilot.sandbox.Sandbox.RecordedRequest::method).containsOnly("GET");
        assertThat(state().groups(BRENNWALD_TENANT_ID)).hasSize(1);
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID)).hasSize(1);
        assertThat(state().jobs(BRENNWALD_TENANT_ID)).hasSize(1);
    }

    private List<AttributeMapping> userMappings(Run run) {
        var schema = current.graph.forTenant(BRENNWALD_TENANT_ID).servicePrincipals()
                .byServicePrincipalId(run.facts().get("servicePrincipalId")).synchronization().jobs()
                .bySynchronizationJobId(run.facts().get("jobId")).schema().get();
        return schema.getSynchronizationRules().stream().flatMap(r -> r.getObjectMappings().stream())
                .filter(m -> "User".equals(m.getSourceObjectName())).map(ObjectMapping::getAttributeMappings)
                .flatMap(List::stream).toList();
    }

    @Test
    void throttlingServiceUnavailableAndReplicationDelayDoNotStopTheRun() {
        OnboardingParameters p = brennwald(null);
        current.sandbox.faults().failNext(2, "/groups", 429).failNext(2, "/servicePrincipals", 503)
                .failNext(1, "/applicationTemplates", 429).replicationDelay(3);

        Run done = onboard(p, RunStatus.SUCCEEDED);

        assertThat(done.steps()).extracting(Run.Step::state).containsOnly(StepState.DONE, StepState.SKIPPED);
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID)).hasSize(1);
        assertThat(state().groups(BRENNWALD_TENANT_ID)).hasSize(1);
        assertThat(current.ninja.endUsers(BRENNWALD_ORG_ID)).hasSize(7);
    }

    @Test
    void aWrongTokenFailsTheRunAtStep6AsTokenRejectedAndNothingAfterItRuns() {
        OnboardingParameters p = brennwald("this-is-not-the-ninjaone-token");

        Run failed = onboard(p, RunStatus.FAILED);

        assertThat(failed.steps()).extracting(Run.Step::state).containsExactly(StepState.DONE, StepState.DONE,
                StepState.DONE, StepState.FAILED, StepState.PENDING, StepState.PENDING, StepState.PENDING,
                StepState.PENDING, StepState.PENDING); // steps 7, 8, the NinjaOne check, the registry entry and step 9 never ran
        assertThat(failed.steps().get(3).error()).contains("token rejected by NinjaOne")
                .doesNotContain("this-is-not-the-ninjaone-token");
        assertThat(failed.error()).startsWith("6 · SCIM provisioning");
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID).get(0).assignedPrincipalIds()).isEmpty();
        assertThat(current.ninja.endUsers(BRENNWALD_ORG_ID)).isEmpty();
        assertThat(state().jobs(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(j -> assertThat(j.scheduleState()).isEqualTo("Disabled"));
    }

    @Test
    void brennwaldPreflightPassesAndNamesTheSurprisingExclusions() {
        var idp = state().scimIdentityProvider(BRENNWALD_ORG_ID).orElseThrow();
        PreflightResult r = preflight.check(params(BRENNWALD_COMPANY, BRENNWALD_DOMAIN, BRENNWALD_TENANT_ID,
                BRENNWALD_ORG_ID, "NinjaOne", idp.scimBaseUrl(), null, null));

        assertThat(r.canProceed()).isTrue();
        assertThat(r.expectedEndUsers()).isEqualTo(7);
        assertThat(r.companyNameVariants()).isEmpty();
        assertThat(r.canaryUserId()).isEqualTo(state().users(BRENNWALD_TENANT_ID).stream()
                .filter(u -> u.userPrincipalName().startsWith("anna.meier@")).findFirst().orElseThrow().id());
        assertThat(check(r, "Licensed users")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("warn");
            assertThat(c.detail()).contains("7 in the group", "kinfo@… ('info')", "customerservice@… ('service')")
                    .doesNotContain("noreply");
        });
        assertThat(check(r, "companyName").status()).isEqualTo("pass");
        assertThat(check(r, "NinjaOne organization").detail()).contains("(12): 0 end users");
        assertThat(check(r, "Group NinjaOne-EndUsers").detail()).contains("will be created");
        assertThat(r.report().checks()).allSatisfy(c -> assertThat(c.detail().length()).isLessThan(260));
    }

    @Test
    void seebergerWithoutEntraIdP1CannotProceedAndGetsTheLicenceNote() {
        PreflightResult r = preflight.check(params(SEEBERGER_COMPANY, SEEBERGER_DOMAIN, SEEBERGER_TENANT_ID,
                SEEBERGER_ORG_ID, "NinjaOne", "https://eu.ninjarmm.com/scim", null, null));

        assertThat(r.canProceed()).isFalse();
        assertThat(check(r, "Entra ID P1")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("fail");
            assertThat(c.detail()).contains("dynamic groups", "Business Basic/Standard do not include P1");
        });
    }

    @Test
    void alpenblickPreflightListsTheCompanyNameVariants() {
        PreflightResult r = preflight.check(params(ALPENBLICK_COMPANY, ALPENBLICK_DOMAIN, ALPENBLICK_TENANT_ID,
                ALPENBLICK_ORG_ID, "NinjaOne", "https://eu.ninjarmm.com/scim", null, null));

        assertThat(r.canProceed()).isTrue();
        assertThat(r.companyNameVariants()).containsExactlyInAnyOrder("alpenblick sanitär + heizung ag",
                "Alpenblick Sanitär & Heizung AG", "Alpenblick Sanitär + Heizung");
        assertThat(r.expectedEndUsers()).isEqualTo(2);
        assertThat(check(r, "companyName")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("warn");
            assertThat(c.detail()).contains("2 exact", "3 variant(s)", "2 empty", "5 become global end users");
        });
        assertThat(check(r, "Licensed users").detail()).contains("8 with Exchange Online (Plan 1): 7 in the group");
    }

    @Test
    void rheintalPreflightFindsTheEarlierOnboardingInPlace() {
        PreflightResult r = preflight.check(params(RHEINTAL_COMPANY, RHEINTAL_DOMAIN, RHEINTAL_TENANT_ID, RHEINTAL_ORG_ID,
                "NinjaOne SCIM", "https://eu.ninjarmm.com/scim", null, null));

        assertThat(r.canProceed()).isTrue();
        assertThat(check(r, "Group NinjaOne-EndUsers").detail()).contains("runbook rule; will be reused");
        assertThat(check(r, "Enterprise app NinjaOne SCIM").detail()).contains("will be reused", "EndUser role present");
        assertThat(check(r, "Provisioning job").detail()).contains("will be reused with both NinjaOne mappings", "quarantine");
        assertThat(check(r, "Group assignment").detail()).contains("will be reused");
        assertThat(check(r, "NinjaOne organization").detail()).contains("4 end users");
    }

    @Test
    void tenantWithoutAdminConsentFailsWithTheConsentLink() {
        String unknown = "0badc0de-0000-4000-8000-000000000000";
        PreflightResult r = preflight.check(params("Nobody AG", "nobody.ch", unknown, 3, "NinjaOne",
                "https://eu.ninjarmm.com/scim", null, null));

        assertThat(r.canProceed()).isFalse();
        assertThat(check(r, "Tenant access").detail())
                .contains("https://login.microsoftonline.com/" + unknown + "/adminconsent?client_id=");
    }

    /** Runbook step 9 for an Intune client: the run waits for the technician after the registry entry, then finishes. */
    @Test
    void anIntuneClientWaitsForStepNineInNinjaOneAndFinishesWhenTheTechnicianConfirms() {
        OnboardingParameters b = brennwald(null);
        OnboardingParameters p = new OnboardingParameters(b.clientName(), b.emailDomain(), b.tenantId(), b.ninjaOrganizationId(),
                b.ninjaOrganizationName(), b.fallback(), b.extraCompanyNames(), b.groupName(), b.mailExclusion(), b.upnExclusion(),
                b.appDisplayName(), b.scimUrl(), b.scimToken(), true, b.canaryUserId());
        Run planned = service.plan(runbook, p, TECH, "conv-onboarding");
        assertThat(planned.steps()).last().satisfies(s -> assertThat(s.planKind()).isEqualTo("HUMAN"))
                .satisfies(s -> assertThat(s.title()).isEqualTo("9 · Intune in NinjaOne (you)"));
        assertThat(service.approve(planned.id(), 1, BOSS).done()).isTrue();

        Run waiting = await(planned.id(), r -> r.status() == RunStatus.WAITING || r.status() == RunStatus.FAILED);
        assertThat(waiting.status()).as(waiting.error()).isEqualTo(RunStatus.WAITING);
        assertThat(waiting.steps()).last().satisfies(s -> assertThat(s.state()).isEqualTo(StepState.WAITING));
        assertThat(service.humanTask(waiting, waiting.steps().size() - 1).orElseThrow().copy())
                .singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(BRENNWALD_COMPANY + " (" + BRENNWALD_ORG_ID + ")"));

        assertThat(service.answer(planned.id(), 1, waiting.steps().size(), BOSS, List.of(), null).done()).as("the approver may answer").isTrue();
        Run done = await(planned.id(), r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(done.facts()).containsEntry("human.intune.by", "Bruno Approver");
    }

    /** SSO set-up on an app that already has another single sign-on set-up: shown as drift, nothing overwritten. */
    @Test
    void anAppWithAnotherSingleSignOnSetUpIsDriftInThePlanAndIsNotOverwritten() {
        var g = current.graph.forTenant(RHEINTAL_TENANT_ID);
        OnboardingParameters p = new OnboardingParameters(RHEINTAL_COMPANY, RHEINTAL_DOMAIN, RHEINTAL_TENANT_ID, RHEINTAL_ORG_ID,
                RHEINTAL_COMPANY, "All", List.of(), OnboardingParameters.DEFAULT_GROUP, OnboardingParameters.DEFAULT_MAIL_EXCLUSION,
                "", "NinjaOne SCIM", null, null, false, null, true);

        com.microsoft.graph.models.ServicePrincipal password = new com.microsoft.graph.models.ServicePrincipal();
        password.setPreferredSingleSignOnMode("password");
        g.servicePrincipals().byServicePrincipalId(RHEINTAL_SP_ID).patch(password);
        Run other = service.plan(ssoRunbook, p, TECH, "conv-onboarding");
        assertThat(other.status()).isEqualTo(RunStatus.PLANNED);
        assertThat(other.steps()).filteredOn(s -> s.stepId().equals("saml-sso")).singleElement()
                .satisfies(s -> assertThat(s.planKind()).isEqualTo("BLOCKED"))
                .satisfies(s -> assertThat(s.planSummary()).contains("Drift").contains("'password'"));

        com.microsoft.graph.models.ServicePrincipal saml = new com.microsoft.graph.models.ServicePrincipal();
        saml.setPreferredSingleSignOnMode("saml");
        g.servicePrincipals().byServicePrincipalId(RHEINTAL_SP_ID).patch(saml);
        com.microsoft.graph.models.Application identifier = new com.microsoft.graph.models.Application();
        identifier.setIdentifierUris(List.of("https://sso.rheintal-logistik.ch/other-app"));
        g.applications().byApplicationId(RHEINTAL_APP_OBJECT_ID).patch(identifier);
        Run foreign = service.plan(ssoRunbook, p, TECH, "conv-onboarding");
        assertThat(foreign.status()).isEqualTo(RunStatus.PLANNED);
        assertThat(foreign.steps()).filteredOn(s -> s.stepId().equals("saml-sso")).singleElement()
                .satisfies(s -> assertThat(s.planSummary()).contains("Drift").contains("https://sso.rheintal-logistik.ch/other-app"));
        assertThat(service.approve(foreign.id(), 1, BOSS).done()).as("a blocked plan cannot be approved").isFalse();
        assertThat(g.applications().byApplicationId(RHEINTAL_APP_OBJECT_ID).get().getIdentifierUris())
                .containsExactly("https://sso.rheintal-logistik.ch/other-app");
    }

    private static PreflightReportCard.Check check(PreflightResult r, String name) {
        return r.report().checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + r.report().checks()));
    }

    private Run await(String runId, Predicate<Run> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Run run = runs.find(runId).orElseThrow();
        while (!condition.test(run)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run did not reach the expected state; it is " + run.status() + " " + run.steps());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }
}
