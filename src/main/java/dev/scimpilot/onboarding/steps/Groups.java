package dev.scimpilot.onboarding.steps;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.onboarding.MembershipRule;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.runs.RunContext;
import java.util.List;

/** Reads of runbook step 1's group: find it again, read its rule back, and the mailNickname Graph insists on. */
final class Groups {

    static final String[] SELECT = {"id", "displayName", "membershipRule", "membershipRuleProcessingState"};

    private Groups() {}

    /** By the id this run recorded, else by display name (a recorded id that is gone falls back to the name). */
    static List<Group> find(GraphServiceClient g, RunContext<OnboardingParameters> run) {
        var id = run.fact(Facts.GROUP_ID);
        if (id.isPresent()) {
            try {
                return List.of(g.groups().byGroupId(id.get()).get(rc -> rc.queryParameters.select = SELECT));
            } catch (RuntimeException e) {
                if (!Graphs.notFound(e)) {
                    throw e;
                }
            }
        }
        return g.groups().get(rc -> {
            rc.queryParameters.filter = "displayName eq " + Graphs.literal(run.parameters().groupName());
            rc.queryParameters.select = SELECT;
        }).getValue();
    }

    /** Null when the recorded group has the runbook rule, else what it has. */
    static String ruleProblem(GraphServiceClient g, RunContext<OnboardingParameters> run) {
        OnboardingParameters p = run.parameters();
        Group group = g.groups().byGroupId(run.requireFact(Facts.GROUP_ID)).get(rc -> rc.queryParameters.select = SELECT);
        return MembershipRule.of(p.mailExclusion(), p.upnExclusion()).equals(group.getMembershipRule())
                ? null : "the group's rule is still '" + group.getMembershipRule() + "'";
    }

    /** mailNickname is required even for security groups: ASCII, no spaces or @()\\[]";:<>, (graph-api.md §3). */
    static String mailNickname(String name) {
        String n = name.replaceAll("[^A-Za-z0-9._-]", "");
        return n.isEmpty() ? "NinjaOne-EndUsers" : n.substring(0, Math.min(64, n.length()));
    }
}
