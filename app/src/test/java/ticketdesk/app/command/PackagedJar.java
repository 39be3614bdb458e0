package ticketdesk.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code app/target/ticketdesk.jar} run as the README runs it ({@code java @app/jvm.options -jar …}), configured only
 * through environment variables: as the service on a free port, or as an operator command that prints and exits.
 */
final class PackagedJar {

    record Ran(int exit, String out, String err) {
        /** The value after a printed label, such as the password after "Password (shown only this once): ". */
        String after(String label) {
            return out.lines().filter(line -> line.startsWith(label)).map(line -> line.substring(label.length()))
                    .findFirst().orElseThrow(() -> new AssertionError("no '" + label + "' in:\n" + out + err));
        }
    }

    private final Map<String, String> env;
    private final Path workDir;

    PackagedJar(Map<String, String> env) {
        this.env = env;
        try {
            this.workDir = Files.createTempDirectory("ticketdesk-jar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an operator command to its end, {@code stdin} piped in (none when null). */
    Ran command(String stdin, String... args) throws Exception {
        List<String> command = java();
        command.addAll(List.of(args));
        ProcessBuilder builder = builder(command);
        Path out = workDir.resolve("out-" + System.nanoTime());
        Path err = workDir.resolve("err-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command exits").isTrue();
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts the service and waits until /health answers UP; returns its base URI. */
    Service service() throws Exception {
        int port = freePort();
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = builder(java());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Service service = new Service(process, URI.create("http://127.0.0.1:" + port), log);
        service.awaitUp();
        return service;
    }

    record Service(Process process, URI uri, Path log) implements AutoCloseable {

        void awaitUp() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri.resolve("/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the service did not come up:\n" + Files.readString(log));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("SLACK_")
                || k.startsWith("MAIL_") || k.startsWith("MICRONAUT_") || k.startsWith("TICKETDESK_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        return builder;
    }

    /** java with the flags of app/jvm.options, as the README runs it. */
    private static List<String> java() throws IOException {
        Path app = Path.of("").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(app.resolve("jvm.options"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                command.add(line.strip().replace("=app/", "=" + app + "/"));
            }
        }
        command.add("-jar");
        command.add(app.resolve("target").resolve("ticketdesk.jar").toString());
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
