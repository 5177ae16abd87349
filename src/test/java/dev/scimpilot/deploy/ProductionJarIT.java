package dev.scimpilot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar `package` builds (what deploy/Dockerfile copies into the image) starts the production application, contains
 * it, and contains none of the sandbox or local-mode launcher; laid out as the image's runtime stage lays it out
 * (deploy/cds-archive.sh), it starts through the image's entrypoint with its CDS archive. Runs in failsafe, after
 * `package`.
 */
class ProductionJarIT {

    @Test
    void startClassIsTheProductionApplicationAndTheSandboxIsNotInside() throws IOException {
        Path jar = packagedJar();
        try (JarFile file = new JarFile(jar.toFile())) {
            String start = file.getManifest().getMainAttributes().getValue("Start-Class");
            assertThat(start).isEqualTo("dev.scimpilot.ScimPilotApplication");
            assertThat(file.getEntry("BOOT-INF/classes/" + start.replace('.', '/') + ".class")).isNotNull();
            assertThat(file.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("BOOT-INF/classes/dev/scimpilot/sandbox/")
                            || n.startsWith("BOOT-INF/classes/dev/scimpilot/local/"))
                    .contains("BOOT-INF/classes/cards/notice.json", "BOOT-INF/classes/db/migration/V1__conversations.sql");
        }
    }

    /**
     * What the Dockerfile's runtime stage and entrypoint do, with /app replaced by a folder under target: the script
     * writes the layout and archive, the entrypoint starts it with the image's JAVA_TOOL_OPTIONS. {@code -Xshare:on}
     * makes the JVM refuse to start if it cannot use the archive, so a ready application proves the archive fits.
     */
    @Test
    void theImageLayoutStartsThroughTheEntrypointAndUsesItsClassDataSharingArchive() throws Exception {
        Path app = Path.of("target", "image-app").toAbsolutePath();
        Process layout = new ProcessBuilder("sh", "deploy/cds-archive.sh", packagedJar().toString(), app.toString())
                .redirectErrorStream(true).start();
        String layoutOutput = new String(layout.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(layout.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(layout.exitValue()).as(layoutOutput).isZero();
        assertThat(app.resolve("scim-pilot.jar")).exists();
        assertThat(app.resolve("scim-pilot.jsa")).exists();
        assertThat(app.resolve("lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("microsoft-graph-"));

        Path entrypoint = app.resolve("docker-entrypoint.sh");
        Files.writeString(entrypoint, Files.readString(Path.of("deploy", "docker-entrypoint.sh")).replace("/app/", app + "/"));
        String toolOptions = dockerfileEnv("JAVA_TOOL_OPTIONS");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = app.resolve("start.log");
        ProcessBuilder start = new ProcessBuilder("sh", entrypoint.toString(), "-Xshare:on", "-XX:MaxRAM=1g")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        start.environment().put("PORT", Integer.toString(port));
        start.environment().put("SCIMPILOT_DATA_DIR", Files.createTempDirectory(app, "data").toString());
        start.environment().remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        Process bot = start.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String body = "";
            while (System.nanoTime() < deadline && bot.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        body = r.body();
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            assertThat(body).as("readiness; log: %s", log).contains("UP");
            assertThat(Files.readString(log)).contains("Picked up JAVA_TOOL_OPTIONS").contains("Started ScimPilotApplication");
        } finally {
            bot.destroy();
            if (!bot.waitFor(30, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("scim-pilot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/scim-pilot-*.jar: run `./mvnw verify`"));
        }
    }

    /** {@code ENV NAME="value"} (first line of a multi-line ENV) from deploy/Dockerfile. */
    private static String dockerfileEnv(String name) throws IOException {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(Files.readString(Path.of("deploy", "Dockerfile")));
        assertThat(m.find()).as(name + " in deploy/Dockerfile").isTrue();
        return m.group(1);
    }
}
