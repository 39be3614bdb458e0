package ticketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.Test;

/**
 * The README's promise: on a fresh machine, {@code java @app/jvm.options -jar app/target/ticketdesk.jar}
 * starts on an embedded H2 database under ./data with nothing configured, /health answers UP, and the
 * generated first-admin password is printed once; so does the bare {@code java -jar}.
 */
class JarStartsWithNothingConfiguredIT {

    @Test
    void thePackagedJarStartsOnEmbeddedH2AndAnswersHealthUp() throws Exception {
        startsAndAnswersHealthUp(List.of());
    }

    @Test
    void withTheReadmeFlagsItMapsTheBuildsClassDataArchive() throws Exception {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(checkout.resolve("app").resolve("jvm.options"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                flags.add(line.strip().replace("=app/", "=" + checkout.resolve("app") + "/"));
            }
        }
        assertThat(flags).anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile="));
        assertThat(Path.of("target", "ticketdesk.jsa")).as("written by the package phase's training start").exists();
        flags.add("-Xshare:on"); // refuses to start unless the archive maps
        startsAndAnswersHealthUp(flags);
    }

    private void startsAndAnswersHealthUp(List<String> flags) throws Exception {
        Path jar = Path.of("target", "ticketdesk.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path workDir = Files.createTempDirectory("ticketdesk-fresh");
        Path log = workDir.resolve("out.log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("SLACK_")
                || k.startsWith("MAIL_") || k.startsWith("TICKETDESK_"));
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("TICKETDESK_METRICS_TOKEN", "h2-scraper");
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            String output = Files.readString(log);
            assertThat(health).as(output).isNotNull();
            assertThat(health.statusCode()).as(output).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(workDir.resolve("data")).isDirectory();
            assertThat(output).contains("generated password");
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).header("Authorization", "Bearer h2-scraper").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as("the gauges' one query runs on H2 too").isEqualTo(200);
            assertThat(metrics.body()).contains("ticketdesk_tickets{status=\"pending\"} 0.0");
        } finally {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
