package ticketdesk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.TestDatabase;

/**
 * {@code /health} while the database takes connections and never answers (a paused server, reached through a
 * relay that holds every byte): DOWN within the configured bound, then UP again once the database answers.
 */
@MicronautTest(transactional = false)
class HealthWhenTheDatabaseStallsTest extends DatabaseTest {

    private final URI server = URI.create(TestDatabase.SERVER.substring("jdbc:".length()));
    private final StallingRelay relay = StallingRelay.to(server.getHost(), server.getPort());
    private final HttpClient client = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer app;
    @Inject
    DatabaseHealth databaseHealth;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("datasources.default.url", "jdbc:" + server.getScheme() + "://127.0.0.1:" + relay.port()
                + "/" + db.name());
        properties.put("ticketdesk.health.timeout", "500ms");
        return properties;
    }

    @AfterAll
    void closeRelay() {
        relay.close();
    }

    @Test
    void healthAnswersDownFromTheBoundedCheckWhileTheDatabaseDoesNotAnswerAndUpOnceItDoes() throws Exception {
        assertThat(health().body()).isEqualTo("{\"status\":\"UP\"}");
        relay.stall();
        try {
            HealthResult check = Mono.from(databaseHealth.getResult()).block();
            assertThat(check.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(check.getDetails()).isEqualTo(Map.of("error", "the database did not answer within 500 ms"));

            long start = System.nanoTime();
            HttpResponse<String> down = health();
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(answeredIn).as("the contract's bound, not a speed target").isLessThan(Duration.ofSeconds(2));
        } finally {
            relay.resume();
        }
        assertThat(healthOnceUp()).isEqualTo("{\"status\":\"UP\"}");
    }

    private String healthOnceUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = health();
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = health();
        }
        return response.body();
    }

    private HttpResponse<String> health() throws Exception {
        return client.send(HttpRequest.newBuilder(app.getURI().resolve("/health")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
