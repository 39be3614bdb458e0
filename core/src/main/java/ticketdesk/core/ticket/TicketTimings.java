package ticketdesk.core.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Records how long tickets waited to be claimed and to be resolved (from when they were opened), as histograms
 * with buckets from a minute to a week, once the change that claimed or resolved the ticket has committed.
 */
@Singleton
public class TicketTimings {

    private static final Duration[] BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3),
        Duration.ofDays(7)};

    private final TransactionOperations<Connection> transactions;
    private final Timer toClaim;
    private final Timer toResolve;

    TicketTimings(TransactionOperations<Connection> transactions, MeterRegistry metrics) {
        this.transactions = transactions;
        this.toClaim = timer(metrics, "ticketdesk.ticket.time.to.claim", "From opened to first claimed or assigned");
        this.toResolve = timer(metrics, "ticketdesk.ticket.time.to.resolve", "From opened to resolved");
    }

    void claimed(Ticket ticket) {
        record(toClaim, ticket.createdAt(), ticket.claimedAt());
    }

    void resolved(Ticket ticket) {
        record(toResolve, ticket.createdAt(), ticket.completedAt());
    }

    private void record(Timer timer, LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null) {
            return;
        }
        Duration waited = Duration.between(from, to);
        var status = transactions.findTransactionStatus();
        if (status.isPresent()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    timer.record(waited);
                }
            });
        } else {
            timer.record(waited);
        }
    }

    private static Timer timer(MeterRegistry metrics, String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(30))
                .register(metrics);
    }
}
