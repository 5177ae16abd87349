package dev.scimpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sandbox is an independent emulator: no production code, no Spring (the local-mode launcher beside it is what wires the two). */
class SandboxIndependenceTests {

    @Test
    void sandboxSourcesImportNeitherProductionCodeNorSpring() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/sandbox/java/dev/scimpilot/sandbox"))) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> l.contains("org.springframework")
                                    || (l.contains("dev.scimpilot.") && !l.contains("dev.scimpilot.sandbox")))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }
}
