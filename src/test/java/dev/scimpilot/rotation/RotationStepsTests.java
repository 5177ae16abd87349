package dev.scimpilot.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimpilot.onboarding.steps.StepHarness;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.secrets.Secret;
import dev.scimpilot.secrets.SecretRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rotation steps against the sandbox's quarantined Rheintal tenant, run as the engine runs them, including what a
 * retry of the same run and a second run see: nothing is written or restarted twice.
 */
class RotationStepsTests {

    StepHarness h;
    String runId;
    Map<String, String> facts;

    @BeforeEach
    void start() {
        h = new StepHarness();
        runId = UUID.randomUUID().toString();
        facts = new HashMap<>();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theNewTokenIsWrittenOnceAndARetryOfTheSameRunDoesNotWriteItAgain() {
        RotationParameters p = rheintal(h.sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token());
        SaveTokenStep save = new SaveTokenStep(h.graph, h.vault, h.policy);

        assertThat(run(save, p)).isInstanceOf(StepPlan.Change.class);
        assertThat(secrets()).containsEntry("SecretToken", token(p));
        h.sandbox.clearRequests();

        assertThat(plan(save, p)).isInstanceOf(StepPlan.InPlace.class);
        assertThat(h.sandbox.requests()).noneMatch(r -> r.path().contains("/secrets"));
    }

    @Test
    void aTokenNinjaOneRefusesIsNeverSavedOverTheOldOne() {
        Map<String, String> before = secrets();
        RotationParameters p = rheintal("refused-" + "x".repeat(30));
        SaveTokenStep save = new SaveTokenStep(h.graph, h.vault, h.policy);

        assertThat(plan(save, p)).isInstanceOf(StepPlan.Change.class);
        assertThatThrownBy(() -> save.apply(new RunContext<>(runId, p, facts)))
                .hasMessageContaining("NinjaOne refused the new SCIM token").hasMessageContaining("keeps its old token");
        assertThat(secrets()).isEqualTo(before);
    }

    @Test
    void aTenantThatDoesNotAnswerFailsTheStepWithTheCauseAndTheJobKeepsItsToken() {
        Map<String, String> before = secrets();
        RotationParameters p = rheintal(h.sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token());
        SaveTokenStep save = new SaveTokenStep(h.graph, h.vault, h.policy);
        assertThat(plan(save, p)).isInstanceOf(StepPlan.Change.class);
        h.sandbox.faults().failNext(10, "/synchronization/secrets", 503);

        assertThatThrownBy(() -> save.apply(new RunContext<>(runId, p, facts)))
                .hasMessageContaining("saving it in job " + DemoData.RHEINTAL_JOB_ID + " failed")
                .hasMessageContaining("503").hasMessageContaining("The job keeps its old token");
        assertThat(secrets()).isEqualTo(before);
        assertThat(facts).doesNotContainKey(RotationFacts.SECRETS_SAVED);
        h.sandbox.faults().reset();
    }

    @Test
    void aQuarantinedJobIsRestartedExactlyOnceThenLeftAlone() {
        RotationParameters p = rheintal(h.sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token());
        run(new SaveTokenStep(h.graph, h.vault, h.policy), p);
        RestartJobStep restart = new RestartJobStep(h.graph);

        StepPlan first = run(restart, p);
        assertThat(first.summary()).contains("out of quarantine").contains("EncounteredQuarantineException");
        assertThat(job().statusCode()).isEqualTo("Active");
        h.sandbox.clearRequests();

        assertThat(plan(restart, p).summary()).as("the same run").contains("already restarted");
        facts = new HashMap<>();
        assertThat(plan(restart, p).summary()).as("a second rotation").contains("is running");
        assertThat(h.sandbox.requests()).noneMatch(r -> r.path().endsWith("/restart") || r.path().endsWith("/start"));
    }

    @Test
    void theCanaryIsAGroupMemberNinjaOneAlreadyKnowsAndIsConfirmedThere() {
        RotationParameters p = rheintal(h.sandbox.state().regenerateScimToken(DemoData.RHEINTAL_ORG_ID).token());
        run(new SaveTokenStep(h.graph, h.vault, h.policy), p);
        run(new RestartJobStep(h.graph), p);
        CanaryStep canary = new CanaryStep(h.graph, h.ninja);

        StepPlan plan = run(canary, p);

        assertThat(facts.get(RotationFacts.CANARY_ADDRESS)).endsWith("@" + DemoData.RHEINTAL_DOMAIN)
                .isNotEqualTo("nadine.frick@" + DemoData.RHEINTAL_DOMAIN);
        assertThat(plan.details()).contains("end user of NinjaOne organization " + DemoData.RHEINTAL_ORG_ID);
        assertThat(plan(canary, p)).isInstanceOf(StepPlan.InPlace.class);
    }

    private RotationParameters rheintal(String token) {
        SecretRef ref = h.vault.put("scim-rheintal", Secret.of(token), Instant.now().plusSeconds(3600));
        return new RotationParameters("c-rheintal", DemoData.RHEINTAL_COMPANY, DemoData.RHEINTAL_DOMAIN, DemoData.RHEINTAL_TENANT_ID,
                DemoData.RHEINTAL_ORG_ID, DemoData.RHEINTAL_SP_ID, DemoData.RHEINTAL_JOB_ID, DemoData.RHEINTAL_GROUP_ID,
                h.sandbox.scimBaseUrl(DemoData.RHEINTAL_ORG_ID), ref);
    }

    private String token(RotationParameters p) {
        return h.vault.get(p.scimToken()).orElseThrow().reveal();
    }

    private StepPlan plan(RunStep<RotationParameters> step, RotationParameters p) {
        StepPlan plan = step.plan(new RunContext<>(runId, p, facts));
        facts.putAll(plan.found());
        return plan;
    }

    private StepPlan run(RunStep<RotationParameters> step, RotationParameters p) {
        StepPlan plan = plan(step, p);
        if (plan instanceof StepPlan.Change) {
            RunContext<RotationParameters> ctx = new RunContext<>(runId, p, facts);
            StepOutcome out = step.apply(ctx);
            facts.putAll(out.facts());
            assertThat(step.verify(ctx)).isNull();
        }
        return plan;
    }

    private Map<String, String> secrets() {
        return h.sandbox.state().savedSecrets(DemoData.RHEINTAL_TENANT_ID, DemoData.RHEINTAL_SP_ID);
    }

    private dev.scimpilot.sandbox.SandboxState.JobView job() {
        return h.sandbox.state().jobs(DemoData.RHEINTAL_TENANT_ID).stream().filter(j -> j.id().equals(DemoData.RHEINTAL_JOB_ID))
                .findFirst().orElseThrow();
    }
}
