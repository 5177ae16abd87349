package dev.scimpilot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar `package` builds (what deploy/Dockerfile copies into the image) starts the production application, contains
 * it, and contains none of the sandbox or local-mode launcher. Runs in failsafe, after `package`.
 */
class ProductionJarIT {

    @Test
    void startClassIsTheProductionApplicationAndTheSandboxIsNotInside() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("scim-pilot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/scim-pilot-*.jar: run `./mvnw verify`"));
        }
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
}
