package dev.scimpilot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimpilot.testing.BotIntegrationTest;
import dev.scimpilot.sandbox.DemoData;
import dev.scimpilot.testing.SandboxApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SCIM Pilot in the Microsoft 365 Agents Playground, driven by a person's browser (headless Chromium with
 * playwright-core): the welcome on install, {@code help}, and a card round trip through Action.Execute.
 * Local mode's configuration (profile {@code local}, the sandbox, the committed Playground Teams context).
 */
@BotIntegrationTest
@ActiveProfiles("local")
class PlaygroundE2EIT {

    static final Path NODE = Path.of("src", "test", "node");
    static final Path PLAYGROUND = NODE.resolve("node_modules/@microsoft/m365agentsplayground/cli.js");
    static final Path SCRIPT = NODE.resolve("e2e/playground-e2e.js");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        SandboxApp.register(registry);
    }

    @LocalServerPort int port;
    Process playground;

    @AfterEach
    void stopPlayground() {
        if (playground != null) {
            playground.destroy();
        }
    }

    @Test
    void welcomeHelpAndACardRoundTripInThePlayground() throws Exception {
        requireTools();
        int playgroundPort = startPlayground();

        Path shots = Path.of("target", "e2e");
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PLAYGROUND_URL", "http://localhost:" + playgroundPort);
        builder.environment().put("SCREENSHOT_DIR", shots.toString());
        var brennwald = SandboxApp.sandbox().state().scimIdentityProvider(DemoData.BRENNWALD_ORG_ID).orElseThrow();
        builder.environment().put("SCIM_URL", brennwald.scimBaseUrl());
        builder.environment().put("SCIM_TOKEN", brennwald.token());
        Process e2e = builder.start();
        String output = new String(e2e.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(e2e.waitFor(240, TimeUnit.SECONDS)).isTrue();

        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode result = new ObjectMapper().readTree(last.startsWith("{") ? last : "{}");
        assertThat(result.path("ok").asBoolean()).as(output).isTrue();
        assertThat(result.at("/seen/welcome").asText()).contains("I'm SCIM Pilot").contains("onboard client");
        assertThat(result.at("/seen/help").asText()).contains("rotate token [client]").contains("check provisioning [client|all]");
        assertThat(result.at("/seen/formInputs").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(result.at("/seen/afterCancel").asText()).contains("Onboarding cancelled").contains("Nothing was checked or changed");
        assertThat(shots.resolve("02-help.png")).exists();
        assertThat(result.at("/seen/plan").asText()).contains("Plan: Onboard client · Brennwald + Heilig AG")
                .contains("Dynamic group").contains("Approve");
        assertThat(result.at("/seen/result").asText()).contains("Onboard client succeeded");
        assertThat(result.at("/seen/progress").asText()).contains("Done ·");
        assertThat(result.at("/seen/tokenShown").asBoolean()).as("the token is never shown in the chat").isFalse();
    }

    private int startPlayground() throws IOException, InterruptedException {
        int wanted;
        try (ServerSocket s = new ServerSocket(0)) {
            wanted = s.getLocalPort();
        }
        Path work = Files.createDirectories(Path.of("target", "e2e-playground"));
        ProcessBuilder builder = new ProcessBuilder("node", PLAYGROUND.toAbsolutePath().toString(),
                "-e", "http://127.0.0.1:" + port + "/api/messages", "-c", "msteams", "-p", Integer.toString(wanted),
                "--disable-telemetry")
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("TEAMSAPPTESTER_BROWSER", "none");
        builder.environment().put("M365_AGENTS_PLAYGROUND_CONFIG_PATH", Path.of(".m365agentsplayground.yml").toAbsolutePath().toString());
        playground = builder.start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            Pattern p = Pattern.compile("Listening on (\\d+)");
            try (var out = new BufferedReader(new InputStreamReader(playground.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = p.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            listening.completeExceptionally(new IllegalStateException("the Playground exited"));
        }, "playground-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Agents Playground did not start", e);
        }
    }

    /** Local runs without the browser tools skip; CI must have them (.ci/run installs them), so it fails there. */
    private static void requireTools() {
        String missing = !onPath("node") ? "node" : !Files.exists(PLAYGROUND) ? "the Playground (npm ci --prefix src/test/node)"
                : !Files.isExecutable(CHROMIUM) ? "Debian chromium" : null;
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("The Playground end-to-end test needs " + missing + "; .ci/run installs it");
        }
        Assumptions.abort("skipped locally: " + missing + " is not installed (bash .ci/install-node-deps.sh --chromium)");
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
