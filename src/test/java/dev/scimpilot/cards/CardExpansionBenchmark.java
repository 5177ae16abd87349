package dev.scimpilot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the Java engine against Microsoft's {@code adaptivecards-templating} on the same templates and
 * sample data, in one run: both parse each template once and expand it repeatedly on one thread. Not a test;
 * run it with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.scimpilot.cards.CardExpansionBenchmark}
 * (optional arguments: milliseconds per card and engine, default 1000; rounds, default 3).
 */
public final class CardExpansionBenchmark {

    private CardExpansionBenchmark() {}

    /** Goal from the cards issue: the Java engine at least this many times the official engine, on every card. */
    public static final double RATIO_GOAL = 10;

    /** Operations per second of both engines on one card. */
    public record CardFigures(String card, double javaOpsPerSecond, double officialOpsPerSecond) {
        public double ratio() {
            return javaOpsPerSecond / officialOpsPerSecond;
        }
    }

    /** All cards; "sets" = expanding every card once, so each card weighs by its cost. */
    public record Result(List<CardFigures> cards, double javaSetsPerSecond, double officialSetsPerSecond, long millis,
            int rounds, String node, String loadBefore, String loadAfter) {

        public double ratio() {
            return javaSetsPerSecond / officialSetsPerSecond;
        }

        public double lowestRatio() {
            return cards.stream().mapToDouble(CardFigures::ratio).min().orElse(0);
        }
    }

    public static void main(String[] args) throws Exception {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        print(run(millis, rounds));
    }

    public static Result run(long millis, int rounds) throws Exception {
        if (NodeOracle.missingPrerequisite() != null) {
            throw new IllegalStateException(NodeOracle.missingPrerequisite());
        }
        CardTemplates cards = new CardTemplates();
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (String name : CardConformanceTest.cardNames()) {
            data.put(name, CardConformanceTest.read(CardConformanceTest.CARDS.resolve(name + ".data.json")));
        }
        ObjectNode request = NodeOracle.JSON.createObjectNode().put("mode", "bench").put("millisPerCase", millis);
        ArrayNode list = request.putArray("cases");
        data.forEach((name, sample) -> list.addObject().put("id", name)
                .<ObjectNode>set("template", CardConformanceTest.read(CardConformanceTest.CARDS.resolve(name + ".json")))
                .set("data", sample));

        // The machine is shared: engines take turns, and each card keeps its best round, so a burst of someone
        // else's build during one engine's turn does not decide the ratio.
        String loadBefore = loadAverage();
        Map<String, Double> java = new LinkedHashMap<>();
        Map<String, Double> js = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            data.forEach((name, sample) -> java.merge(name, javaOpsPerSecond(cards, name, sample, millis), Math::max));
            NodeOracle.run(request).get("perCase").forEach(r -> js.merge(r.get("id").asText(),
                    r.get("ops").asDouble() / r.get("seconds").asDouble(), Math::max));
        }
        List<CardFigures> figures = new ArrayList<>();
        double javaTotalSeconds = 0;
        double jsTotalSeconds = 0;
        for (String name : data.keySet()) {
            figures.add(new CardFigures(name, java.get(name), js.get(name)));
            javaTotalSeconds += 1 / java.get(name);
            jsTotalSeconds += 1 / js.get(name);
        }
        return new Result(figures, 1 / javaTotalSeconds, 1 / jsTotalSeconds, millis, rounds, nodeVersion(), loadBefore,
                loadAverage());
    }

    public static void print(Result r) {
        System.out.printf(Locale.ROOT, "%-18s %14s %14s %8s%n", "card", "java ops/s", "official ops/s", "ratio");
        for (CardFigures c : r.cards()) {
            System.out.printf(Locale.ROOT, "%-18s %,14.0f %,14.0f %7.1fx%n", c.card(), c.javaOpsPerSecond(),
                    c.officialOpsPerSecond(), c.ratio());
        }
        System.out.printf(Locale.ROOT, "%-18s %,14.1f %,14.1f %7.1fx%n", "all cards (sets/s)", r.javaSetsPerSecond(),
                r.officialSetsPerSecond(), r.ratio());
        System.out.printf(Locale.ROOT, "lowest per-card ratio %.1fx; best of %d rounds, %d ms per card and engine%n",
                r.lowestRatio(), r.rounds(), r.millis());
        System.out.printf(Locale.ROOT, "java %s, node %s, %d cores, load average before %s, after %s%n",
                System.getProperty("java.version"), r.node(), Runtime.getRuntime().availableProcessors(),
                r.loadBefore(), r.loadAfter());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double javaOpsPerSecond(CardTemplates cards, String name, JsonNode sample, long millis) {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + Math.min(1000, millis / 2) * 1_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += cards.expand(name, sample).size();
        }
        long ops = 0;
        long start = System.nanoTime();
        long budget = millis * 1_000_000L;
        long elapsed = 0;
        while (elapsed < budget) {
            for (int i = 0; i < 20; i++) {
                sink += cards.expand(name, sample).size();
            }
            ops += 20;
            elapsed = System.nanoTime() - start;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the JIT from discarding the work
        }
        return ops / (elapsed / 1e9);
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return new String(p.getInputStream().readAllBytes()).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
