package dev.scimpilot.onboarding.steps;

import static dev.scimpilot.sandbox.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.sandbox.SandboxState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each step on a clean tenant: plans a change, applies it, then plans "in place" and duplicates nothing. */
class OnboardingStepsTests {

    private StepHarness h;
    private OnboardingParameters p;

    @BeforeEach
    void start() {
        h = new StepHarness();
        p = h.brennwald();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private SandboxState state() {
        return h.sandbox.state();
    }

    @Test
    void dynamicGroupIsCreatedOnceWithTheRunbookRuleAndThenInPlace() {
        var step = h.step(DynamicGroupStep.class);
        StepPlan first = h.run(step, p);
        assertThat(first.kind()).isEqualTo("CREATE");
        assertThat(first.details()).contains(RUNBOOK_GROUP_RULE);
        assertThat(first.summary()).contains("7 licensed users match the rule");
        assertThat(h.facts).containsEntry("expectedEndUsers", "7");

        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        h.newRun();
        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(state().groups(BRENNWALD_TENANT_ID)).singleElement().satisfies(g -> {
            assertThat(g.membershipRule()).isEqualTo(RUNBOOK_GROUP_RULE);
            assertThat(g.memberIds()).hasSize(7); // marco.rossi has no Exchange plan, so he is not in it
        });
    }

    @Test
    void tenantWithoutEntraIdP1GetsTheRunbookCauseWhenTheGroupIsRefused() {
        var seeberger = new OnboardingParameters(SEEBERGER_COMPANY, SEEBERGER_DOMAIN, SEEBERGER_TENANT_ID, SEEBERGER_ORG_ID,
                SEEBERGER_COMPANY, "All", java.util.List.of(), OnboardingParameters.DEFAULT_GROUP,
                OnboardingParameters.DEFAULT_MAIL_EXCLUSION, "", "NinjaOne", "https://eu.ninjarmm.com/scim", null, false, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.run(h.step(DynamicGroupStep.class), seeberger))
                .hasMessageContaining("no Entra ID P1").hasMessageContaining("Business Premium");
        assertThat(state().groups(SEEBERGER_TENANT_ID)).isEmpty();
    }

    @Test
    void existingGroupWithAnotherRuleIsChangedInPlaceNotDuplicated() {
        var step = h.step(DynamicGroupStep.class);
        h.run(step, p);
        h.newRun();
        OnboardingParameters withUpn = new OnboardingParameters(p.clientName(), p.emailDomain(), p.tenantId(),
                p.ninjaOrganizationId(), p.ninjaOrganizationName(), p.fallback(), p.extraCompanyNames(), p.groupName(),
                p.mailExclusion(), "svc-", p.appDisplayName(), p.scimUrl(), p.scimToken(), false, null);

        StepPlan change = h.run(step, withUpn);

        assertThat(change.kind()).isEqualTo("CHANGE");
        assertThat(change.details()).contains("-and -not (user.userPrincipalName -match \"svc-\")");
        assertThat(h.plan(step, withUpn)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(state().groups(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(g -> assertThat(g.membershipRule()).endsWith("(user.userPrincipalName -match \"svc-\")"));
    }

    @Test
    void enterpriseAppIsInstantiatedOnceAndFoundByNameAfterwards() {
        var step = h.step(EnterpriseAppStep.class);
        assertThat(h.run(step, p).kind()).isEqualTo("CREATE");
        assertThat(h.facts).containsKeys("appObjectId", "appId", "servicePrincipalId");
        h.newRun();
        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(state().applications(BRENNWALD_TENANT_ID)).hasSize(1);
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID)).hasSize(1);
    }

    @Test
    void enterpriseAppWaitsOutReplicationDelay() {
        h.sandbox.faults().replicationDelay(3);
        h.run(h.step(EnterpriseAppStep.class), p);
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID)).hasSize(1);
    }

    @Test
    void endUserRoleIsAddedKeepingTheTemplateRolesAndReachesTheServicePrincipal() {
        h.runUpTo(AppRoleStep.class, p);
        var step = h.step(AppRoleStep.class);
        assertThat(h.run(step, p).kind()).isEqualTo("CHANGE");
        h.newRun();
        h.runUpTo(AppRoleStep.class, p); // finds group and app again
        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        var app = state().applications(BRENNWALD_TENANT_ID).get(0);
        assertThat(app.appRoles()).extracting(SandboxState.AppRoleView::displayName)
                .containsExactlyInAnyOrder("msiam_access", "User", "EndUser");
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID).get(0).appRoles())
                .filteredOn(r -> "endUser".equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(h.facts.get("endUserRoleId")));
    }

    @Test
    void provisioningJobGetsCredentialsAndBothMappingsOnceThenIsInPlace() {
        h.runUpTo(ProvisioningJobStep.class, p);
        var step = h.step(ProvisioningJobStep.class);
        StepPlan first = h.run(step, p);
        assertThat(first.kind()).isEqualTo("CREATE");
        assertThat(first.details()).contains("Switch([companyName], \"All\", \"Brennwald + Heilig AG\", \"12\")")
                .contains("SingleAppRoleAssignment([appRoleAssignments])").doesNotContain(h.vault.get(p.scimToken()).get().reveal());
        String sp = h.facts.get("servicePrincipalId");
        assertThat(state().savedSecrets(BRENNWALD_TENANT_ID, sp)).containsEntry("SyncAll", "false")
                .containsEntry("BaseAddress", p.scimUrl());

        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(state().jobs(BRENNWALD_TENANT_ID)).hasSize(1);
    }

    @Test
    void wrongTokenIsReportedAsTokenRejectedByNinjaOneAndNoMappingIsWritten() {
        h.runUpTo(ProvisioningJobStep.class, p);
        var wrong = new OnboardingParameters(p.clientName(), p.emailDomain(), p.tenantId(), p.ninjaOrganizationId(),
                p.ninjaOrganizationName(), p.fallback(), p.extraCompanyNames(), p.groupName(), p.mailExclusion(),
                p.upnExclusion(), p.appDisplayName(), p.scimUrl(), h.vault.put("wrong", dev.scimpilot.secrets.Secret.of(
                        "not-the-token-0123456789"), java.time.Instant.now()), false, null);
        var step = h.step(ProvisioningJobStep.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.run(step, wrong))
                .hasMessageContaining("token rejected by NinjaOne");
        StepPlan again = h.plan(step, wrong);
        assertThat(again.kind()).isEqualTo("CHANGE");
        assertThat(again.details()).contains("organizationId");
    }

    @Test
    void groupAssignmentIsCreatedOnce() {
        h.runUpTo(GroupAssignmentStep.class, p);
        var step = h.step(GroupAssignmentStep.class);
        assertThat(h.run(step, p).kind()).isEqualTo("CREATE");
        h.newRun();
        h.runUpTo(GroupAssignmentStep.class, p);
        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(state().servicePrincipals(BRENNWALD_TENANT_ID).get(0).assignedPrincipalIds())
                .containsExactly(h.facts.get("groupId"));
    }

    @Test
    void canaryIsProvisionedOnDemandAndFoundInNinjaOneThenProvisioningRuns() {
        h.runUpTo(ProvisionOnDemandStep.class, p);
        var step = h.step(ProvisionOnDemandStep.class);
        assertThat(h.run(step, p).summary()).contains("anna.meier@brennwald-heilig.ch");
        assertThat(state().jobs(BRENNWALD_TENANT_ID)).singleElement()
                .satisfies(j -> assertThat(j.scheduleState()).isEqualTo("Active"));
        h.newRun();
        h.runUpTo(ProvisionOnDemandStep.class, p);
        assertThat(h.plan(step, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(h.ninja.endUsers(BRENNWALD_ORG_ID)).extracting(NinjaEndUser::email).hasSize(7);
    }

    @Test
    void ninjaOneCheckCountsTheOrganizationsEndUsersAgainstTheExpectation() {
        h.runUpTo(VerifyNinjaOneStep.class, p);
        StepPlan check = h.run(h.step(VerifyNinjaOneStep.class), p);
        assertThat(check).isInstanceOf(StepPlan.InPlace.class);
        assertThat(check.summary()).startsWith("7 of 7 expected end users are in NinjaOne organization 12");
    }
}
