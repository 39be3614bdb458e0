package ticketdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar ticketdesk.jar} process on a free local port, configured only through the
 * environment variables of DESIGN.md's runtime contract. Its log goes to a file next to the jar's run.
 */
public final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedNanos;
    private double secondsToHealthy = Double.NaN;

    private AppInstance(String name, Process process, int port, Path log, long launchedNanos) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("ticketdesk.jar", "app/target/ticketdesk.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B package -DskipTests");
        }
        return jar;
    }

    /**
     * The flags of the README's run command, {@code java @app/jvm.options -jar app/target/ticketdesk.jar}: the
     * class-data archive the build writes next to the jar, the collector and the memory limits. Paths in the
     * file are relative to the checkout, where the README's command runs.
     */
    public static List<String> shippedFlags() {
        Path checkout = jar().toAbsolutePath().getParent().getParent().getParent();
        try {
            return Files.readAllLines(checkout.resolve("app").resolve("jvm.options")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(flag -> flag.replace("=app/", "=" + checkout.resolve("app") + "/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("app/jvm.options (the README's run flags) is not readable", e);
        }
    }

    /** Launches the jar with exactly these variables on top of a clean environment (no inherited app settings). */
    public static AppInstance launch(String name, Map<String, String> env, List<String> jvmArgs, Path logDir) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("SLACK_")
                || k.startsWith("MAIL_") || k.startsWith("MICRONAUT_") || k.startsWith("TICKETDESK_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            builder.directory(logDir.toFile());
            long launched = System.nanoTime();
            return new AppInstance(name, builder.start(), port, log, launched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code GET /health} until it answers UP; returns the seconds from launch. */
    public double awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    secondsToHealthy = (System.nanoTime() - launchedNanos) / 1e9;
                    return secondsToHealthy;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; log:\n" + logTail());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public double secondsToHealthy() {
        return secondsToHealthy;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident memory in MiB, from /proc/&lt;pid&gt;/status (VmRSS); -1 where /proc is absent. */
    public double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Resident memory split as /proc/&lt;pid&gt;/status does: anonymous (heap, stacks, JIT), file-backed and shared. */
    public String rssParts() {
        StringBuilder parts = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    parts.append(parts.length() == 0 ? "" : ", ").append(line, 3, line.indexOf(':'))
                            .append(' ').append(kib / 1024).append(" MiB");
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return parts.toString();
    }

    /** CPU seconds (user + system) the process has used so far, from /proc/&lt;pid&gt;/stat; -1 without /proc. */
    public double cpuSeconds() {
        return CpuShares.cpuSeconds(process.pid());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public Path log() {
        return log;
    }

    /** SIGKILL (what {@code kill -9} sends): no shutdown hook, no finishing what was started. Returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 15 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
