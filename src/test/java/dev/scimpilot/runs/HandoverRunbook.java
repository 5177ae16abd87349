package dev.scimpilot.runs;

import dev.scimpilot.secrets.SecretRef;
import dev.scimpilot.secrets.SecretVault;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runbook with a human step in the middle, against an in-memory "tenant": create a widget, then a person picks
 * its colour in another system and pastes a key (secret), then the widget is painted with that colour.
 */
class HandoverRunbook implements Runbook<HandoverRunbook.Params> {

    record Params(String client) {}

    static class Tenant {
        final Map<String, String> widgets = new ConcurrentHashMap<>();
        final Map<String, String> colours = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> applies = new ConcurrentHashMap<>();

        int applies(String step) {
            return applies.computeIfAbsent(step, k -> new AtomicInteger()).get();
        }

        void reset() {
            widgets.clear();
            colours.clear();
            applies.clear();
        }
    }

    private final Tenant tenant;
    private final SecretVault vault;

    HandoverRunbook(Tenant tenant, SecretVault vault) {
        this.tenant = tenant;
        this.vault = vault;
    }

    @Override
    public String kind() {
        return "handover";
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
        return List.of(new Create(), new PickColour(), new Paint());
    }

    class Create implements RunStep<Params> {
        public String id() {
            return "create-widget";
        }

        public String title() {
            return "1 · Widget";
        }

        public StepPlan plan(RunContext<Params> run) {
            String existing = tenant.widgets.get(run.parameters().client());
            return existing != null ? StepPlan.inPlace("widget exists", Map.of("widgetId", existing))
                    : StepPlan.create("will create a widget", "widget for " + run.parameters().client());
        }

        public StepOutcome apply(RunContext<Params> run) {
            tenant.applies.computeIfAbsent(id(), k -> new AtomicInteger()).incrementAndGet();
            String id = tenant.widgets.computeIfAbsent(run.parameters().client(), c -> "w-" + c.toLowerCase().replace(" ", "-"));
            return StepOutcome.did("created widget " + id).withFact("widgetId", id);
        }
    }

    class PickColour implements HumanStep<Params> {
        static final Set<String> COLOURS = Set.of("red", "green", "blue");

        public String id() {
            return "pick-colour";
        }

        public String title() {
            return "2 · Colour (in the other system)";
        }

        public StepPlan plan(RunContext<Params> run) {
            String widget = tenant.widgets.get(run.parameters().client());
            return widget != null && tenant.colours.containsKey(widget)
                    ? StepPlan.inPlace("colour already picked", Map.of("colour", tenant.colours.get(widget)))
                    : StepPlan.human("pick a colour in the other system and paste the widget key");
        }

        public HumanTask task(RunContext<Params> run) {
            return new HumanTask(List.of("Open the other system and find the widget below.", "Pick a colour, copy the key."),
                    "Open the other system", "https://other.example/widgets",
                    List.of(new HumanTask.Copy("Widget id", run.fact("widgetId").orElse("?"))),
                    List.of(HumanTask.Input.text("colour", "Colour", "red, green or blue", "^[a-z]+$", "a colour"),
                            HumanTask.Input.secret("key", "Widget key", "paste the key")),
                    "Save and continue");
        }

        public Accepted accept(RunContext<Params> run, HumanAnswer answer) {
            String colour = answer.value("colour").toLowerCase();
            if (!COLOURS.contains(colour)) {
                throw new Refused("Colour must be red, green or blue, not '" + answer.value("colour") + "'.");
            }
            SecretRef ref = vault.put(SecretVault.nameFor("widget-key", run.parameters().client()), answer.secretValue().orElseThrow(), null);
            return new Accepted("colour " + colour + " picked, key stored", Map.of("colour", colour, "keyName", ref.name(),
                    "keyVersion", ref.version()));
        }
    }

    class Paint implements RunStep<Params> {
        public String id() {
            return "paint-widget";
        }

        public String title() {
            return "3 · Paint";
        }

        public StepPlan plan(RunContext<Params> run) {
            return StepPlan.change("will paint the widget", "with the colour picked in step 2");
        }

        public StepOutcome apply(RunContext<Params> run) {
            tenant.applies.computeIfAbsent(id(), k -> new AtomicInteger()).incrementAndGet();
            vault.get(new SecretRef(run.requireFact("keyName"), run.requireFact("keyVersion")))
                    .orElseThrow(() -> new IllegalStateException("the key is not in the vault"));
            tenant.colours.put(run.requireFact("widgetId"), run.requireFact("colour"));
            return StepOutcome.did("painted " + run.requireFact("colour"));
        }
    }
}
