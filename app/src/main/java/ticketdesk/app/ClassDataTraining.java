package ticketdesk.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The build's training start for the class-data archive ({@code app/target/ticketdesk.jsa}): started with
 * {@code -Dticketdesk.cds-training=true -XX:ArchiveClassesAtExit=…}, the service asks its own
 * {@code /health} once, so the classes of start-up and of a first request are loaded, and exits; the JVM
 * then writes every loaded class into the archive. Started with {@code -XX:SharedArchiveFile=…}, the
 * service maps those classes instead of loading and verifying them again: about half the start-up time
 * (BENCHMARKS.md). It runs on an H2 database under {@code app/target/cds-training} with mail, Slack and the
 * outbox off, whatever the build's environment says (app/pom.xml), and with the heap flags of
 * {@code app/jvm.options}, so the archive maps when the service runs with them.
 */
final class ClassDataTraining {

    static final String PROPERTY = "ticketdesk.cds-training";

    private ClassDataTraining() {
    }

    static void finish(ApplicationContext context) {
        try {
            URI health = context.getBean(EmbeddedServer.class).getURI().resolve("/health");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("class-data training: /health answered " + response.statusCode() + " "
                    + response.body());
        } catch (Exception e) {
            System.out.println("class-data training: /health was not reached (" + e + "); the archive covers"
                    + " start-up only");
        }
        try {
            context.close();
        } catch (RuntimeException e) {
            System.out.println("class-data training: shutting down reported " + e);
        }
        System.exit(0);
    }
}
