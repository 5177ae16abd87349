package dev.scimpilot.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Teams app package as an MSP builds it: deploy/package-manifest.sh fills manifest/manifest.json, validates it
 * with the official schema from npm @microsoft/app-manifest (src/test/node/validate-manifest.js) and zips it with the
 * icons. Without Node or the pinned packages the schema tests are skipped locally and fail in CI (CI=true).
 */
class ManifestPackageTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path NODE_DIR = Path.of("src/test/node");
    static final Path OUT = Path.of("target/teams-app-test");
    static final String BOT_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    static Map<String, byte[]> zip;

    @BeforeAll
    static void buildPackage() throws Exception {
        requireNode();
        Result r = run(List.of("bash", "deploy/package-manifest.sh"), Map.of(
                "BOT_APP_ID", BOT_ID, "BOT_DOMAIN", "scimpilot.contoso-msp.example", "PUBLISHER_NAME", "Contoso MSP AG",
                "APP_VERSION", "1.2.3", "OUT_DIR", OUT.toString(), "ENV_FILE", "/nonexistent"));
        assertThat(r.exit()).as("package-manifest.sh: %s", r.output()).isZero();
        zip = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(OUT.resolve("scim-pilot.zip")))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.put(e.getName(), in.readAllBytes());
            }
        }
    }

    @Test
    void packageHoldsTheFilledManifestAndBothIconsAtItsRoot() throws IOException {
        assertThat(zip.keySet()).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertThat(manifest.path("id").asText()).isEqualTo(BOT_ID);
        assertThat(manifest.path("version").asText()).isEqualTo("1.2.3");
        assertThat(manifest.path("bots").path(0).path("botId").asText()).isEqualTo(BOT_ID);
        assertThat(manifest.path("validDomains").toString()).isEqualTo("[\"scimpilot.contoso-msp.example\"]");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://scimpilot.contoso-msp.example/");
        assertThat(new String(zip.get("manifest.json"), StandardCharsets.UTF_8)).doesNotContain("${");
        assertThat(zip.get("color.png")).isEqualTo(Files.readAllBytes(Path.of("manifest/color.png")));
    }

    @Test
    void filledManifestIsValidAgainstTheOfficialSchemaOfItsVersion() throws Exception {
        JsonNode result = validate(zip.get("manifest.json"));
        assertThat(result.path("errors").toString()).isEqualTo("[]");
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("schema").asText()).contains("@microsoft/app-manifest")
                .endsWith("v" + result.path("manifestVersion").asText() + "/MicrosoftTeams.schema.json");
        int minor = Integer.parseInt(result.path("manifestVersion").asText().split("\\.")[1]);
        assertThat(minor).as("manifest schema 1.19 or later").isGreaterThanOrEqualTo(19);
    }

    @Test
    void validatorRejectsWhatTheSchemaForbids() throws Exception {
        ObjectNode broken = (ObjectNode) JSON.readTree(zip.get("manifest.json"));
        broken.remove("developer");
        ((ObjectNode) broken.path("bots").path(0)).putArray("scopes").add("everywhere");
        JsonNode result = validate(JSON.writeValueAsBytes(broken));
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("errors").toString()).contains("developer").contains("/bots/0/scopes/0");
    }

    @Test
    void unfilledPlaceholdersAreRefused() throws Exception {
        JsonNode result = validate(Files.readAllBytes(Path.of("manifest/manifest.json")));
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("errors").toString()).contains("unfilled placeholders").contains("${BOT_APP_ID}");
    }

    @Test
    void missingRequiredValueStopsThePackageScript() throws Exception {
        Result r = run(List.of("bash", "deploy/package-manifest.sh"), Map.of("BOT_APP_ID", BOT_ID,
                "BOT_DOMAIN", "", "PUBLISHER_NAME", "x", "OUT_DIR", OUT.resolve("bad").toString(), "ENV_FILE", "/nonexistent"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("BOT_DOMAIN");
        assertThat(OUT.resolve("bad/scim-pilot.zip")).doesNotExist();
    }

    @Test
    void colorIconIs192SquareAndOpaque() throws IOException {
        for (byte[] png : List.of(zip.get("color.png"), Files.readAllBytes(Path.of("manifest/color.png")))) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isEqualTo(192);
            assertThat(img.getHeight()).isEqualTo(192);
            for (int[] p : new int[][] {{0, 0}, {191, 0}, {0, 191}, {191, 191}}) {
                assertThat(alpha(img.getRGB(p[0], p[1]))).as("corner alpha").isEqualTo(255);
            }
        }
    }

    @Test
    void outlineIconIs32SquareWhiteOnTransparent() throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(zip.get("outline.png")));
        assertThat(img.getWidth()).isEqualTo(32);
        assertThat(img.getHeight()).isEqualTo(32);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int glyph = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = img.getRGB(x, y);
                if (alpha(argb) == 0) {
                    transparent++;
                } else {
                    glyph++;
                    assertThat(argb & 0xFFFFFF).as("outline pixel (%d,%d) must be white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(alpha(img.getRGB(0, 0))).as("transparent background").isZero();
        assertThat(transparent).as("mostly background").isGreaterThan(32 * 32 / 3);
        assertThat(glyph).as("a visible glyph").isGreaterThan(60);
    }

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    private static JsonNode validate(byte[] manifest) throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("check-" + System.nanoTime()));
        Files.write(dir.resolve("manifest.json"), manifest);
        Files.copy(Path.of("manifest/color.png"), dir.resolve("color.png"));
        Files.copy(Path.of("manifest/outline.png"), dir.resolve("outline.png"));
        Result r = run(List.of("node", NODE_DIR.resolve("validate-manifest.js").toString(),
                dir.resolve("manifest.json").toString()), Map.of());
        assertThat(r.exit()).as(r.output()).isIn(0, 1);
        return JSON.readTree(r.stdout());
    }

    record Result(int exit, String stdout, String output) {}

    static Result run(List<String> command, Map<String, String> env) throws Exception {
        Files.createDirectories(OUT);
        Path stdout = Files.createTempFile("manifest-out", ".txt");
        Path stderr = Files.createTempFile("manifest-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            pb.environment().remove("MicrosoftAppId");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 5 minutes");
            }
            String out = Files.readString(stdout);
            return new Result(p.exitValue(), out, out + Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Node and the pinned validator packages, or skip locally / fail in CI. */
    static void requireNode() {
        String problem = null;
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@microsoft/app-manifest"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/ajv-draft-04"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/ajv-formats"))) {
            problem = "src/test/node/node_modules lacks @microsoft/app-manifest/ajv-draft-04/ajv-formats (npm ci --prefix src/test/node)";
        } else {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    problem = "node --version failed";
                }
            } catch (IOException e) {
                problem = "Node.js is not on the PATH";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "interrupted";
            }
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + " (CI=true: the Teams manifest must be validated; see .ci/install-node-deps.sh)");
            }
            abort(problem + " — skipped locally; run .ci/install-node-deps.sh to validate the Teams manifest");
        }
    }
}
