package dev.scimpilot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.scimpilot.testing.PackagedJar;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Path jar = PackagedJar.find();
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
        PackagedJar.layOut(PackagedJar.find(), app);
        assertThat(app.resolve("scim-pilot.jar")).exists();
        assertThat(app.resolve("scim-pilot.jsa")).exists();
        assertThat(app.resolve("lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("microsoft-graph-"));

        Path entrypoint = app.resolve("docker-entrypoint.sh");
        Files.writeString(entrypoint, Files.readString(Path.of("deploy", "docker-entrypoint.sh")).replace("/app/", app + "/"));
        String toolOptions = dockerfileEnv("JAVA_TOOL_OPTIONS");
        int port = PackagedJar.freePort();
        Path log = app.resolve("start.log");
        ProcessBuilder start = new ProcessBuilder("sh", entrypoint.toString(), "-Xshare:on", "-XX:MaxRAM=1g")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        start.environment().put("PORT", Integer.toString(port));
        start.environment().put("SCIMPILOT_DATA_DIR", Files.createTempDirectory(app, "data").toString());
        start.environment().remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        Process bot = start.start();
        try {
            String body = PackagedJar.awaitReady(bot, port, Duration.ofSeconds(90)).orElse("");
            assertThat(body).as("readiness; log: %s", log).contains("UP");
            assertThat(Files.readString(log)).contains("Picked up JAVA_TOOL_OPTIONS").contains("Started ScimPilotApplication");
        } finally {
            bot.destroy();
            if (!bot.waitFor(30, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
    }

    /** {@code ENV NAME="value"} (first line of a multi-line ENV) from deploy/Dockerfile. */
    private static String dockerfileEnv(String name) throws IOException {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(Files.readString(Path.of("deploy", "Dockerfile")));
        assertThat(m.find()).as(name + " in deploy/Dockerfile").isTrue();
        return m.group(1);
    }
}
