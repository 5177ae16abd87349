package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Test data: each card's record type, and the largest data a card realistically gets (500 clients, every runbook
 * step, long names), used to check Teams' 28 KB limit.
 */
final class CardSamples {

    static final int TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

    private CardSamples() {}

    /** {@code run-plan} → {@code RunPlanCard}. */
    @SuppressWarnings("unchecked")
    static Class<? extends Record> recordType(String templateName) {
        StringBuilder sb = new StringBuilder();
        for (String word : templateName.split("-")) {
            sb.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        try {
            return (Class<? extends Record>) Class.forName("dev.scimpilot.cards." + sb + "Card");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no data record " + sb + "Card for cards/" + templateName + ".json", e);
        }
    }

    static <T extends Record> T sample(String templateName) {
        JsonNode json = CardConformanceTest.read(CardConformanceTest.CARDS.resolve(templateName + ".data.json"));
        try {
            @SuppressWarnings("unchecked")
            T record = (T) NodeOracle.JSON.copy().findAndRegisterModules().treeToValue(json, recordType(templateName));
            return record;
        } catch (Exception e) {
            throw new AssertionError("cards/" + templateName + ".data.json does not fit " + recordType(templateName), e);
        }
    }

    /** Worst realistic data per card, keyed by a label such as {@code fleet-health (500 clients)}. */
    static Map<String, Record> largest() {
        String longName = "Genossenschaft für Alters- und Pflegeheime im Oberen Emmental und Entlebuch";
        Instant now = Instant.parse("2026-10-23T07:00:00Z");
        Map<String, Record> cards = new LinkedHashMap<>();

        List<FleetHealthCard.Row> fleet = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String status = i % 3 == 0 ? "unhealthy" : i % 3 == 1 ? "warning" : "healthy";
            fleet.add(new FleetHealthCard.Row("client-" + i, longName + " " + i, status, i - 20,
                    "SCIM token expired 12 days ago and 14 users have an unmapped companyName value"));
        }
        cards.put("fleet-health (500 clients, 2/3 unhealthy)", FleetHealthCard.summarise(now, fleet));

        List<ClientListCard.Row> registry = IntStream.range(0, 500).mapToObj(i -> new ClientListCard.Row(
                "client-" + i, longName + " " + i, Integer.toString(100000 + i), "alters-und-pflegeheime-" + i + ".ch",
                LocalDate.parse("2026-11-01").plusDays(i), i - 20, "✖ unhealthy: Provisioning job: Quarantine", "Attention")).toList();
        cards.put("client-list (500 clients, page 3)", ClientListCard.page(registry, 3));
        List<ExpiryListCard.Row> expiries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expiries.add(new ExpiryListCard.Row("client-" + i + "-" + "x".repeat(30), longName + " " + i,
                    i % 2 == 0 ? "SCIM token" : "SAML signing certificate", "03 Dec 2026", i - 5,
                    i < 5 ? "expired " + (5 - i) + " days ago" : "in " + (i - 5) + " days"));
        }
        cards.put("expiry-list (500 clients)", ExpiryListCard.of(expiries,
                "https://scim-pilot.example.ch/downloads/" + "A".repeat(43) + "/scim-token-expiries.ics", "05 Dec 2026 14:00 UTC"));

        List<RunProgressCard.Step> steps = new ArrayList<>();
        List<RunPlanCard.Step> planSteps = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String detail = "Graph 403 Forbidden on servicePrincipals/{id}/synchronization/jobs: the GDAP relationship "
                    + "lacks the Application Administrator role for this customer; ask the MSP admin to add it";
            steps.add(new RunProgressCard.Step(i, "Step " + i + " of the NinjaOne SCIM runbook for " + longName,
                    i % 5 == 0 ? "failed" : "done", detail));
            planSteps.add(new RunPlanCard.Step(i, "Step " + i + " of the runbook", "create", detail));
        }
        cards.put("run-progress (12 steps, long causes)", new RunProgressCard("run-" + "x".repeat(36), 3,
                "Onboard client", longName, "waiting", now, now, 10, 12, "Import the federation metadata URL", steps));
        List<String> approvers = IntStream.range(0, 60).mapToObj(i -> "0000000" + i + "-7a1e-4d7f-8a44-1f0c2b9d7e01")
                .toList();
        cards.put("run-plan (12 steps, 60 approvers, approver view)", new RunPlanCard("run-1", 3, "Onboard client",
                longName, "5b1c2d3e-0000-4a5b-9c8d-123456789abc", "Lena Meier", now, 11, 1, 2, planSteps, approvers,
                true, "Waiting for approval"));
        return cards;
    }
}
