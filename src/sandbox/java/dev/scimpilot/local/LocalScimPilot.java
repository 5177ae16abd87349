package dev.scimpilot.local;

import dev.scimpilot.ScimPilotApplication;
import dev.scimpilot.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local mode in one command: the sandbox (simulated Graph, NinjaOne and SCIM on loopback), SCIM Pilot on
 * its embedded database pointed at the sandbox, and the Microsoft 365 Agents Playground as the chat
 * client. Lives beside the sandbox, so the production jar knows none of this.
 */
public final class LocalScimPilot {

    static final Path NODE_DIR = Path.of("src", "test", "node");
    static final Path PLAYGROUND_CLI = NODE_DIR.resolve("node_modules/@microsoft/m365agentsplayground/cli.js");
    private static final Pattern LISTENING = Pattern.compile("Listening on (\\d+)");

    private LocalScimPilot() {}

    public static void main(String[] args) throws Exception {
        int botPort = intEnv("PORT", 3978);
        int sandboxPort = intEnv("SCIMPILOT_SANDBOX_PORT", 3979);
        int playgroundPort = intEnv("SCIMPILOT_PLAYGROUND_PORT", 56150);
        boolean withPlayground = !"false".equalsIgnoreCase(System.getenv("SCIMPILOT_PLAYGROUND"));

        Sandbox sandbox = Sandbox.start(sandboxPort);
        SpringApplication app = new SpringApplication(ScimPilotApplication.class);
        app.setAdditionalProfiles("local");
        // As command-line arguments: they must win over application.yml's production defaults.
        List<String> arguments = new java.util.ArrayList<>();
        sandboxProperties(sandbox, botPort).forEach((k, v) -> arguments.add("--" + k + "=" + v));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new));
        if (LocalDemo.seed(context.getBean(dev.scimpilot.clients.ClientRegistry.class), sandbox)) {
            System.out.println("Registry: added Rheintal Logistik AG (sandbox client onboarded earlier: token expires in ~5 days, "
                    + "job in quarantine). Try `alerts here`, `check provisioning Rheintal`, `rotate token Rheintal`.");
        }

        Process playground = withPlayground ? startPlayground(botPort, playgroundPort) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (playground != null) {
                playground.destroy();
            }
            context.close();
            sandbox.close();
        }, "local-mode-shutdown"));
    }

    /** Points every outbound port of the bot at the sandbox, exactly as any other emulator would be configured. */
    static Map<String, Object> sandboxProperties(Sandbox sandbox, int botPort) {
        Map<String, Object> p = new HashMap<>(sandbox.scimPilotProperties());
        p.put("server.port", botPort);
        return p;
    }

    private static Process startPlayground(int botPort, int playgroundPort) throws IOException, InterruptedException {
        if (!Files.exists(PLAYGROUND_CLI)) {
            System.out.println("Installing the Microsoft 365 Agents Playground (npm ci in " + NODE_DIR + ") ...");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", NODE_DIR.toString())
                    .inheritIO().start();
            if (npm.waitFor() != 0 || !Files.exists(PLAYGROUND_CLI)) {
                System.err.println("Could not install the Playground with npm; the bot is running on http://127.0.0.1:"
                        + botPort + "/api/messages, use any Bot Framework client.");
                return null;
            }
        }
        Path work = Path.of("target", "playground");
        Files.createDirectories(work);
        ProcessBuilder builder = new ProcessBuilder("node", PLAYGROUND_CLI.toAbsolutePath().toString(),
                "-e", "http://127.0.0.1:" + botPort + "/api/messages", "-c", "msteams",
                "-p", String.valueOf(playgroundPort), "--disable-telemetry")
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("TEAMSAPPTESTER_BROWSER", "none");
        builder.environment().put("M365_AGENTS_PLAYGROUND_CONFIG_PATH",
                Path.of(".m365agentsplayground.yml").toAbsolutePath().toString());
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, port), "playground-output");
        pump.setDaemon(true);
        pump.start();
        try {
            int actual = port.get(60, TimeUnit.SECONDS);
            banner(botPort, actual);
        } catch (Exception e) {
            System.err.println("The Playground did not start; see target/playground/devTools/ for its log.");
        }
        return process;
    }

    private static void pump(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
                System.out.println("[playground] " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("Playground exited"));
    }

    private static void banner(int botPort, int playgroundPort) {
        String line = "=".repeat(72);
        System.out.println(String.join(System.lineSeparator(), List.of(line,
                "  SCIM Pilot is running in LOCAL MODE (sandbox tenants, embedded database)",
                "  Chat with it:   http://localhost:" + playgroundPort,
                "  Bot endpoint:   http://127.0.0.1:" + botPort + "/api/messages",
                "  Four-eyes approval is OFF here: you may approve your own runs.",
                "  Stop with Ctrl+C.",
                line)));
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
