package dev.scimpilot.runs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny runbook against an in-memory "tenant", to exercise the run engine without Graph: create a
 * widget (reuse it when it exists), set its colour, and an optional step that fails on demand.
 */
class WidgetRunbook implements Runbook<WidgetRunbook.Params> {

    record Params(String client, String colour) {}

    /** The fake tenant: widgets by client, and how often each step really changed something. */
    static class Tenant {
        final Map<String, String> widgetIdByClient = new ConcurrentHashMap<>();
        final Map<String, String> colourByWidget = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> applies = new ConcurrentHashMap<>();
        volatile boolean failColour;
        volatile java.util.function.Consumer<String> afterApply = step -> {};
        /** "step@replica" for every apply, in order (the replica is the label its runbook bean was given). */
        final List<String> appliedBy = new java.util.concurrent.CopyOnWriteArrayList<>();

        int applies(String step) {
            return applies.computeIfAbsent(step, k -> new AtomicInteger()).get();
        }

        void reset() {
            widgetIdByClient.clear();
            colourByWidget.clear();
            applies.clear();
            appliedBy.clear();
            failColour = false;
        }
    }

    private final Tenant tenant;
    private final String replica;

    WidgetRunbook(Tenant tenant) {
        this(tenant, "");
    }

    WidgetRunbook(Tenant tenant, String replica) {
        this.tenant = tenant;
        this.replica = replica;
    }

    @Override
    public String kind() {
        return "widget";
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public String clientName(Params p) {
        return p.client();
    }

    @Override
    public List<RunStep<Params>> steps() {
        return List.of(new CreateWidget(), new PaintWidget());
    }

    class CreateWidget implements RunStep<Params> {
        public String id() {
            return "create-widget";
        }

        public String title() {
            return "1 · Widget";
        }

        public StepPlan plan(RunContext<Params> run) {
            String existing = tenant.widgetIdByClient.get(run.parameters().client());
            return existing != null
                    ? StepPlan.inPlace("widget " + existing + " exists", Map.of("widgetId", existing))
                    : StepPlan.create("will create a widget", "widget for " + run.parameters().client());
        }

        public StepOutcome apply(RunContext<Params> run) {
            tenant.applies.computeIfAbsent(id(), k -> new AtomicInteger()).incrementAndGet();
            tenant.appliedBy.add(id() + "@" + replica);
            String id = tenant.widgetIdByClient.computeIfAbsent(run.parameters().client(), c -> "w-" + c.toLowerCase().replace(" ", "-"));
            tenant.afterApply.accept(id());
            // a request id as Graph returns them, for the evidence export
            return new StepOutcome("created widget " + id, java.util.Map.of("widgetId", id),
                    java.util.List.of("a1f0c3e2-0000-4000-8000-" + String.format("%012d", Math.abs(id.hashCode()) % 1_000_000_000_000L)));
        }
    }

    class PaintWidget implements RunStep<Params> {
        public String id() {
            return "paint-widget";
        }

        public String title() {
            return "2 · Colour";
        }

        public StepPlan plan(RunContext<Params> run) {
            String widget = run.fact("widgetId").orElse(null);
            String colour = widget == null ? null : tenant.colourByWidget.get(widget);
            return run.parameters().colour().equals(colour)
                    ? StepPlan.inPlace("colour is " + colour, Map.of())
                    : StepPlan.change("will paint it " + run.parameters().colour(), "colour=" + run.parameters().colour());
        }

        public StepOutcome apply(RunContext<Params> run) {
            if (tenant.failColour) {
                throw new IllegalStateException("paint shop is closed");
            }
            tenant.applies.computeIfAbsent(id(), k -> new AtomicInteger()).incrementAndGet();
            tenant.appliedBy.add(id() + "@" + replica);
            tenant.colourByWidget.put(run.requireFact("widgetId"), run.parameters().colour());
            return StepOutcome.did("painted " + run.parameters().colour());
        }

        public String verify(RunContext<Params> run) {
            return run.parameters().colour().equals(tenant.colourByWidget.get(run.requireFact("widgetId")))
                    ? null : "the colour did not stick";
        }
    }
}
