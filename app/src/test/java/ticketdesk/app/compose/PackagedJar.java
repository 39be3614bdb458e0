package ticketdesk.app.compose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * app/target/ticketdesk.jar started as a container starts it: with exactly the given environment and nothing
 * inherited from the test's, in a directory of its own.
 */
final class PackagedJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static PackagedJar start(Map<String, String> environment, List<String> jvmFlags) throws IOException {
        Path jar = Path.of("target", "ticketdesk.jar").toAbsolutePath();
        Path workDir = Files.createTempDirectory("ticketdesk-compose");
        Path log = workDir.resolve("out.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new PackagedJar(builder.start(), log, Integer.parseInt(environment.get("MICRONAUT_SERVER_PORT")));
    }

    /** Waits for {@code /health} to answer UP; false if the service died or did not get there in time. */
    boolean awaitHealthy(Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
