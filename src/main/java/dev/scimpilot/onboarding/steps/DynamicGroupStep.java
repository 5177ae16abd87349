package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.onboarding.Licences;
import dev.scimpilot.onboarding.MembershipRule;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.onboarding.ScopePreview;
import dev.scimpilot.onboarding.TenantUsers;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runbook step 1: the dynamic user security group with exactly the runbook's membership rule. */
final class DynamicGroupStep implements RunStep<OnboardingParameters> {

    private static final String RULE_PATCHED = "groupRulePatched";
    private final GraphClients graph;

    DynamicGroupStep(GraphClients graph) {
        this.graph = graph;
    }

    @Override
    public String id() {
        return "dynamic-group";
    }

    @Override
    public String title() {
        return "1 · Dynamic group";
    }

    @Override
    public StepPlan plan(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String rule = MembershipRule.of(p.mailExclusion(), p.upnExclusion());
        // the rule preview (who will be in the group) and the group lookup do not depend on each other
        CompletableFuture<ScopePreview> preview = Graphs.async(() -> ScopePreview.of(TenantUsers.licensed(g), p));
        CompletableFuture<List<Group>> groups = Graphs.async(() -> Groups.find(g, run));
        Graphs.join(List.of(preview, groups));
        ScopePreview scope = preview.join();
        Map<String, String> found = new HashMap<>();
        found.put(Facts.EXPECTED_END_USERS, String.valueOf(scope.expectedEndUsers()));
        found.put(Facts.CANARY_USER_ID, scope.canary() == null ? "" : scope.canary().id());
        found.put(Facts.CANARY_ADDRESS, scope.canary() == null ? "" : scope.canary().address());
        String members = scope.included().size() + " licensed users match the rule now, " + scope.excluded().size()
                + " are excluded";
        List<Group> existing = groups.join();
        if (existing.size() > 1) {
            return StepPlan.blocked(existing.size() + " groups are named '" + p.groupName() + "'. Rename or delete the "
                    + "extra ones in Entra, or choose another group name, then plan again.");
        }
        if (existing.isEmpty()) {
            found.put(Facts.GROUP_ID, "");
            return new StepPlan.Change("Create dynamic group " + p.groupName() + "; " + members, details(p, rule), found, true);
        }
        Group group = existing.get(0);
        found.put(Facts.GROUP_ID, group.getId());
        if (rule.equals(group.getMembershipRule()) && "On".equals(group.getMembershipRuleProcessingState())) {
            return StepPlan.inPlace("Group " + p.groupName() + " has the runbook rule; " + members, found);
        }
        return StepPlan.change("Set the membership rule of the existing group " + p.groupName() + " to the runbook rule "
                + "(it differs now); " + members, "membershipRule: " + rule + "\nmembershipRuleProcessingState: On", found);
    }

    private static String details(OnboardingParameters p, String rule) {
        return "displayName: " + p.groupName() + "\nmailNickname: " + Groups.mailNickname(p.groupName())
                + "\nsecurityEnabled: true, mailEnabled: false, groupTypes: DynamicMembership"
                + "\nmembershipRule: " + rule + "\nmembershipRuleProcessingState: On";
    }

    @Override
    public StepOutcome apply(RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String rule = MembershipRule.of(p.mailExclusion(), p.upnExclusion());
        var existing = run.fact(Facts.GROUP_ID); // the plan just made records the group it found (blank if none)
        if (existing.isPresent()) {
            Group patch = new Group();
            patch.setMembershipRule(rule);
            patch.setMembershipRuleProcessingState("On");
            g.groups().byGroupId(existing.get()).patch(patch);
            return StepOutcome.did("Set the runbook rule on group " + p.groupName() + " (Entra re-evaluates membership;"
                    + " this can take minutes to hours)").withFact(Facts.GROUP_ID, existing.get()).withFact(RULE_PATCHED, "true");
        }
        Group grp = new Group();
        grp.setDisplayName(p.groupName());
        grp.setMailNickname(Groups.mailNickname(p.groupName()));
        grp.setMailEnabled(false);
        grp.setSecurityEnabled(true);
        grp.setGroupTypes(List.of("DynamicMembership"));
        grp.setMembershipRule(rule);
        grp.setMembershipRuleProcessingState("On");
        Group created = Licences.explainRefusal(() -> g.groups().post(grp), "the dynamic group");
        run.facts().put(Facts.GROUP_ID, created.getId()); // kept even if a check below fails: a retry reuses it
        if (!rule.equals(created.getMembershipRule())) {
            throw new IllegalStateException("Entra stored a different membership rule on the new group " + created.getId()
                    + ": " + created.getMembershipRule());
        }
        return StepOutcome.did("Created dynamic group " + p.groupName() + " (" + created.getId() + ")")
                .withFact(Facts.GROUP_ID, created.getId()).withFact(RULE_PATCHED, "");
    }

    /** The group must exist with the runbook rule, switched on. */
    @Override
    public String verify(RunContext<OnboardingParameters> run) {
        if (run.fact(Facts.GROUP_ID).isEmpty()) {
            return "no group id was recorded";
        }
        // a new group's rule was checked on the POST answer; a PATCH answers 204 without a body, so read it back
        return run.fact(RULE_PATCHED).isPresent() ? Groups.ruleProblem(graph.forTenant(run.parameters().tenantId()), run) : null;
    }
}
