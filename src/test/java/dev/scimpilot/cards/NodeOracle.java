package dev.scimpilot.cards;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Microsoft's Adaptive Cards packages ({@code src/test/node/oracle.js}) in one Node process per request.
 * Without Node or its node_modules the calling test is skipped locally and fails in CI (env CI=true), so CI can
 * never go green without having compared anything.
 */
final class NodeOracle {

    static final Path NODE_DIR = Path.of("src/test/node");
    static final ObjectMapper JSON = new ObjectMapper();

    private NodeOracle() {}

    /** Sends {@code request} to oracle.js and returns its answer; skips or fails the test when Node is missing. */
    static JsonNode call(ObjectNode request) {
        String problem = missingPrerequisite();
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + " (CI=true: the official-engine comparison must run; see .ci/install-node-deps.sh)");
            }
            abort(problem + " — skipped locally; run .ci/install-node-deps.sh to compare with the official engine");
        }
        return run(request);
    }

    /** Runs oracle.js with {@code request} on stdin; throws if it fails (no JUnit semantics: the benchmark uses it). */
    static JsonNode run(ObjectNode request) {
        try {
            File stdout = Files.createTempFile("oracle-out", ".json").toFile();
            File stderr = Files.createTempFile("oracle-err", ".txt").toFile();
            try {
                Process node = new ProcessBuilder("node", "oracle.js")
                        .directory(NODE_DIR.toFile())
                        .redirectOutput(stdout)
                        .redirectError(stderr)
                        .start();
                try (OutputStream in = node.getOutputStream()) {
                    in.write(JSON.writeValueAsBytes(request));
                }
                if (!node.waitFor(10, TimeUnit.MINUTES)) {
                    node.destroyForcibly();
                    throw new IllegalStateException("oracle.js did not finish in 10 minutes");
                }
                if (node.exitValue() != 0) {
                    throw new IllegalStateException("oracle.js failed (exit " + node.exitValue() + "): "
                            + Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
                }
                return JSON.readTree(stdout);
            } finally {
                stdout.delete();
                stderr.delete();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Null when Node and the pinned packages are there, else what is missing. */
    static String missingPrerequisite() {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/adaptivecards-templating"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/adaptivecards"))) {
            return "src/test/node/node_modules is not installed (npm ci --prefix src/test/node)";
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "node --version failed";
        } catch (IOException e) {
            return "Node.js is not on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
