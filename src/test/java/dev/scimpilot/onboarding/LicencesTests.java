package dev.scimpilot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.AssignedPlan;
import com.microsoft.graph.models.LicenseUnitsDetail;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LicencesTests {

    static SubscribedSku sku(String status, int enabled, UUID... plans) {
        SubscribedSku s = new SubscribedSku();
        s.setCapabilityStatus(status);
        LicenseUnitsDetail units = new LicenseUnitsDetail();
        units.setEnabled(enabled);
        s.setPrepaidUnits(units);
        s.setServicePlans(java.util.Arrays.stream(plans).map(id -> {
            ServicePlanInfo p = new ServicePlanInfo();
            p.setServicePlanId(id);
            p.setProvisioningStatus("Success");
            return p;
        }).toList());
        return s;
    }

    @Test
    void p1OrP2PlanInAnEnabledOrWarningSkuWithSeatsQualifies() {
        assertThat(Licences.hasEntraIdP1(List.of(sku("Enabled", 25, Licences.EXCHANGE_ONLINE_PLAN_1, Licences.ENTRA_ID_P1)))).isTrue();
        assertThat(Licences.hasEntraIdP1(List.of(sku("Warning", 1, Licences.ENTRA_ID_P2)))).isTrue();
    }

    @Test
    void businessStandardSuspendedOrSeatlessSkusDoNot() {
        assertThat(Licences.hasEntraIdP1(List.of(sku("Enabled", 6, Licences.EXCHANGE_ONLINE_PLAN_1)))).isFalse();
        assertThat(Licences.hasEntraIdP1(List.of(sku("Suspended", 25, Licences.ENTRA_ID_P1)))).isFalse();
        assertThat(Licences.hasEntraIdP1(List.of(sku("Enabled", 0, Licences.ENTRA_ID_P1)))).isFalse();
        // Entra ID Governance is not P1
        assertThat(Licences.hasEntraIdP1(List.of(sku("Enabled", 5, UUID.fromString("e866a266-3cff-43a3-acca-0c90a7e00c8b"))))).isFalse();
        assertThat(Licences.hasEntraIdP1(null)).isFalse();
    }

    @Test
    void exchangePlanCountsOnlyWhenEnabled() {
        AssignedPlan on = new AssignedPlan();
        on.setServicePlanId(Licences.EXCHANGE_ONLINE_PLAN_1);
        on.setCapabilityStatus("Enabled");
        AssignedPlan off = new AssignedPlan();
        off.setServicePlanId(Licences.EXCHANGE_ONLINE_PLAN_1);
        off.setCapabilityStatus("Suspended");
        assertThat(Licences.exchangeOnlinePlan1Enabled(List.of(on))).isTrue();
        assertThat(Licences.exchangeOnlinePlan1Enabled(List.of(off))).isFalse();
        assertThat(Licences.exchangeOnlinePlan1Enabled(null)).isFalse();
    }
}
