package dev.scimpilot.rotation;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.onboarding.steps.ProvisioningJobs;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.StepOutcome;
import dev.scimpilot.runs.StepPlan;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runbook "Token Rotation" 5 (the runbook's step 8 check): one user of the provisioning group provisioned on demand
 * with the new token and confirmed as an end user of the client's NinjaOne organization. The canary is a group member
 * NinjaOne already knows, so the check changes nothing but proves the token works end to end.
 */
final class CanaryStep implements RunStep<RotationParameters> {

    private final GraphClients graph;
    private final NinjaOne ninja;

    CanaryStep(GraphClients graph, NinjaOne ninja) {
        this.graph = graph;
        this.ninja = ninja;
    }

    @Override
    public String id() {
        return "canary";
    }

    @Override
    public String title() {
        return "Provision one user on demand and check NinjaOne";
    }

    @Override
    public StepPlan plan(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        if (p.scimToken().version().equals(run.fact(RotationFacts.CANARY_CONFIRMED).orElse(null))) {
            return StepPlan.inPlace(run.fact(RotationFacts.CANARY_ADDRESS).orElse("the canary user")
                    + " was provisioned with the new token and found in NinjaOne", Map.of());
        }
        if (p.groupId() == null) {
            return StepPlan.blocked("The registry does not know " + p.clientName() + "'s provisioning group, so I cannot "
                    + "pick a user to test with; `register client` it again.");
        }
        User canary = pick(graph.forTenant(p.tenantId()), p);
        if (canary == null) {
            return StepPlan.blocked("The provisioning group of " + p.clientName() + " has no member with a mail address "
                    + "to test the new token with.");
        }
        String address = canary.getMail();
        return StepPlan.change("Provision " + address + " on demand and check it in NinjaOne",
                "provision on demand: " + address + "\ncheck: " + address + " is an end user of NinjaOne organization "
                        + p.ninjaOrganizationId(),
                Map.of(RotationFacts.CANARY_USER_ID, canary.getId(), RotationFacts.CANARY_ADDRESS, address));
    }

    /** A group member NinjaOne already has as an end user of the organization (first by address), else the first member. */
    private User pick(GraphServiceClient g, RotationParameters p) {
        List<DirectoryObject> members = g.groups().byGroupId(p.groupId()).members().get(rc ->
                rc.queryParameters.select = new String[]{"id", "mail", "userPrincipalName"}).getValue();
        List<User> users = members == null ? List.of() : members.stream().filter(User.class::isInstance).map(User.class::cast)
                .filter(u -> u.getMail() != null && !u.getMail().isBlank())
                .sorted(Comparator.comparing(u -> u.getMail().toLowerCase(Locale.ROOT))).toList();
        if (users.isEmpty()) {
            return null;
        }
        Set<String> known = ninja.endUsers(p.ninjaOrganizationId()).stream().map(NinjaEndUser::email).filter(Objects::nonNull)
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return users.stream().filter(u -> known.contains(u.getMail().toLowerCase(Locale.ROOT))).findFirst().orElse(users.get(0));
    }

    @Override
    public StepOutcome apply(RunContext<RotationParameters> run) {
        RotationParameters p = run.parameters();
        GraphServiceClient g = graph.forTenant(p.tenantId());
        String address = run.requireFact(RotationFacts.CANARY_ADDRESS);
        String ruleId = ProvisioningJobs.userRuleId(g, p.servicePrincipalId(), p.jobId());
        String action = ProvisioningJobs.provisionOnDemand(g, p.servicePrincipalId(), p.jobId(), ruleId,
                run.requireFact(RotationFacts.CANARY_USER_ID), address);
        ProvisioningJobs.requireEndUserOf(ninja, address, p.ninjaOrganizationId(), p.emailDomain());
        return StepOutcome.did("Provisioned " + address + " on demand (" + action + ") with the new token and found it in "
                        + "NinjaOne organization " + p.ninjaOrganizationId() + " as an end user")
                .withFact(RotationFacts.CANARY_CONFIRMED, p.scimToken().version());
    }
}
