package dev.scimpilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Boundaries that keep the code base honest, checked on the compiled production classes (their
 * constant pools name every class they use).
 */
class ArchitectureTests {

    private static final Path MAIN_CLASSES = Paths.get("target", "classes");

    @Test
    void nothingInTheProductionCodeKnowsTheSandbox() {
        assertThat(productionClasses()).isNotEmpty();
        assertThat(productionClasses())
                .filteredOn(c -> c.bytes().contains("dev/scimpilot/sandbox") || c.bytes().contains("dev/scimpilot/local/"))
                .extracting(ClassFile::name)
                .isEmpty();
        assertThat(Files.exists(MAIN_CLASSES.resolve("dev/scimpilot/sandbox"))).isFalse();
    }

    @Test
    void onlyTheChatPackageTalksToTheBotSdk() {
        assertThat(productionClasses())
                .filteredOn(c -> !c.name().startsWith("dev/scimpilot/chat/"))
                .filteredOn(c -> c.bytes().contains("com/microsoft/bot/"))
                .extracting(ClassFile::name)
                .isEmpty();
    }

    /**
     * The controller takes the SDK's {@code Bot} interface so the load benchmark can put a bare echo handler behind it;
     * that handler lives on the test classpath only. Production code has exactly one bot: no switch selects another.
     */
    @Test
    void theOnlyBotInProductionIsScimPilotBot() throws ClassNotFoundException {
        List<String> bots = new java.util.ArrayList<>();
        for (ClassFile c : productionClasses()) {
            Class<?> type = Class.forName(c.name().replace(".class", "").replace('/', '.'), false, getClass().getClassLoader());
            if (com.microsoft.bot.builder.Bot.class.isAssignableFrom(type)) {
                bots.add(type.getName());
            }
        }
        assertThat(bots).containsExactly("dev.scimpilot.chat.ScimPilotBot");
    }

    private record ClassFile(String name, String bytes) {}

    private static List<ClassFile> productionClasses() {
        try (Stream<Path> files = Files.walk(MAIN_CLASSES)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> new ClassFile(MAIN_CLASSES.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
