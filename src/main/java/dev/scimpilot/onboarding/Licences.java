package dev.scimpilot.onboarding;

import com.microsoft.graph.models.AssignedPlan;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Licence checks of the runbook's prerequisites, decided by service plan rather than SKU name (SKUs bundle
 * plans differently): Entra ID P1 for the tenant, Exchange Online (Plan 1) per user for the group rule.
 */
public final class Licences {

    public static final UUID EXCHANGE_ONLINE_PLAN_1 = UUID.fromString(MembershipRule.EXCHANGE_ONLINE_PLAN_1);
    public static final UUID ENTRA_ID_P1 = UUID.fromString("41781fb2-bc02-4b7c-bd55-b576c07bb09d");
    public static final UUID ENTRA_ID_P2 = UUID.fromString("eec0eb4f-6444-4f95-aba0-50c24d67f998");
    /** The runbook's licence note, for a tenant without P1. */
    public static final String NO_P1_NOTE = "No Entra ID P1: dynamic groups (and assigning groups to apps) need Entra ID "
            + "P1 or higher on the client tenant. M365 Business Basic/Standard do not include P1 unless separately "
            + "licensed; add Entra ID P1 (or Business Premium / E3) and check again.";

    private static final Set<String> USABLE_SKU = Set.of("enabled", "warning");

    private Licences() {}

    /** A SKU that is Enabled (or in its Warning grace period), has prepaid seats and provisions the P1 or P2 plan. */
    public static boolean hasEntraIdP1(List<SubscribedSku> skus) {
        if (skus == null) {
            return false;
        }
        for (SubscribedSku sku : skus) {
            boolean usable = sku.getCapabilityStatus() != null
                    && USABLE_SKU.contains(sku.getCapabilityStatus().toLowerCase(java.util.Locale.ROOT))
                    && sku.getPrepaidUnits() != null && sku.getPrepaidUnits().getEnabled() != null
                    && sku.getPrepaidUnits().getEnabled() > 0;
            if (usable && sku.getServicePlans() != null && sku.getServicePlans().stream().anyMatch(Licences::isP1Plan)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isP1Plan(ServicePlanInfo p) {
        boolean p1 = ENTRA_ID_P1.equals(p.getServicePlanId()) || ENTRA_ID_P2.equals(p.getServicePlanId());
        // a plan still being provisioned (PendingActivation, ...) does not count yet
        return p1 && (p.getProvisioningStatus() == null || "Success".equalsIgnoreCase(p.getProvisioningStatus()));
    }

    /**
     * Runs a Graph write that needs P1 (dynamic group, group assignment) and turns a licence refusal into the runbook's
     * troubleshooting cause with what to do next; other failures pass through unchanged.
     */
    public static <T> T explainRefusal(java.util.function.Supplier<T> write, String what) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            String why = dev.scimpilot.runs.Failures.describe(e);
            if (why.matches("(?is).*(\\bP1\\b|premium licen|NonPremiumTenant).*")) {
                throw new IllegalStateException("Entra refused " + what + " - no Entra ID P1 on this tenant (" + why + "). "
                        + NO_P1_NOTE, e);
            }
            throw e;
        }
    }

    /** What the rule's assignedPlans clause asks: Exchange Online (Plan 1) assigned with capabilityStatus Enabled. */
    public static boolean exchangeOnlinePlan1Enabled(List<AssignedPlan> plans) {
        return plans != null && plans.stream().anyMatch(p -> EXCHANGE_ONLINE_PLAN_1.equals(p.getServicePlanId())
                && "Enabled".equalsIgnoreCase(p.getCapabilityStatus()));
    }
}
