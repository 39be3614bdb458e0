package ticketdesk.app.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health}'s database check, with a bound: the database answers a validity check within
 * {@code ticketdesk.health.timeout} or the service is DOWN. Micronaut's own JDBC check (switched off in
 * application.yml) waits for a pooled connection and its validation with no bound of its own, so {@code /health}
 * hung for the pool's 30 s while the database was stopped or unreachable. One check runs at a time and the requests
 * meanwhile share it, so a database that does not answer holds one thread, not one per probe.
 */
@Singleton
class DatabaseHealth implements HealthIndicator {

    static final String NAME = "database";

    private final ConnectionOperations<Connection> connections;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> running;

    DatabaseHealth(ConnectionOperations<Connection> connections,
                   @Value("${ticketdesk.health.timeout:1s}") Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // the shared check is not cancelled when this request gives up on it: the next request may still use it
        return Mono.fromFuture(check(), true)
                .timeout(timeout)
                .thenReturn(HealthResult.builder(NAME, HealthStatus.UP).build())
                .onErrorResume(failure -> Mono.just(HealthResult.builder(NAME, HealthStatus.DOWN)
                        .details(Map.of("error", reason(failure))).build()));
    }

    private synchronized CompletableFuture<Void> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.runAsync(this::validate, checker);
        }
        return running;
    }

    private void validate() {
        connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try {
                // never shorter than the bound: a check that fails on its own timeout would hide the bound's answer
                if (!status.getConnection().isValid(validSeconds())) {
                    throw new SQLException("the database connection is not valid");
                }
                return null;
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    private int validSeconds() {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    private String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "the database did not answer within " + timeout.toMillis() + " ms";
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return String.valueOf(cause.getMessage());
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
