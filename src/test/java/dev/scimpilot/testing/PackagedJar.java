package dev.scimpilot.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar {@code package} builds, as the image uses it: found under {@code target}, laid out by
 * {@code deploy/cds-archive.sh} (what the Dockerfile's runtime stage runs), started as a child process and awaited
 * until ready. Shared by {@code ProductionJarIT} and the cold-start benchmark.
 */
public final class PackagedJar {

    private PackagedJar() {}

    /** {@code target/scim-pilot-*.jar}. */
    public static Path find() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("scim-pilot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/scim-pilot-*.jar: run ./mvnw -q -B -DskipTests package"));
        }
    }

    /** Runs {@code deploy/cds-archive.sh jar target}; returns what it printed (which files it wrote). */
    public static String layOut(Path jar, Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", Path.of("deploy", "cds-archive.sh").toString(), jar.toString(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("deploy/cds-archive.sh failed: " + out);
        }
        return out.replaceFirst("^cds-archive: ", "");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /actuator/health/readiness} on {@code port} until it answers 200 and returns its body; empty if
     * {@code app} exits or {@code timeout} passes first.
     */
    public static Optional<String> awaitReady(Process app, int port, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (app.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Optional.of(r.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }
}
