package ticketdesk.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import ticketdesk.core.Times;

/**
 * The help-desk's gauges that need the database: tickets by status, the age of the oldest pending ticket, the outbox's
 * pending and failed notifications by channel, inbound mail by outcome. One query reads them all, at most once per
 * {@code ticketdesk.metrics.gauges-fresh} (5 s) and only when {@code /metrics} is scraped, so an idle or busy service pays nothing for them between
 * scrapes. Each row is tagged by what it counts, so a ticket's queue becomes one more tag when queues exist.
 */
@Singleton
class HelpDeskGauges {

    private final JdbcOperations jdbc;
    private final Duration fresh;
    private final Times times;
    private final MultiGauge tickets;
    private final MultiGauge outbox;
    private final MultiGauge inbound;
    private volatile double oldestPendingSeconds;
    private LocalDateTime readAt;

    HelpDeskGauges(JdbcOperations jdbc, Times times, MeterRegistry metrics,
                   @Value("${ticketdesk.metrics.gauges-fresh:5s}") Duration fresh) {
        this.jdbc = jdbc;
        this.fresh = fresh;
        this.times = times;
        this.tickets = MultiGauge.builder("ticketdesk.tickets").description("Tickets by status").register(metrics);
        this.outbox = MultiGauge.builder("ticketdesk.outbox.notifications")
                .description("Notifications pending or failed, by channel").register(metrics);
        this.inbound = MultiGauge.builder("ticketdesk.inbound.emails")
                .description("Inbound emails kept, by outcome").register(metrics);
        Gauge.builder("ticketdesk.tickets.oldest.pending", this, g -> g.oldestPendingSeconds)
                .description("Age of the oldest pending ticket (0 when none is pending)").baseUnit("seconds")
                .register(metrics);
    }

    /** Reads the figures anew when the last read is older than the freshness asked for. */
    @ReadOnly
    synchronized void refresh() {
        LocalDateTime now = times.now();
        if (readAt != null && readAt.plus(fresh).isAfter(now)) {
            return;
        }
        Snapshot snapshot = Snapshot.read(jdbc);
        tickets.register(snapshot.tickets, true);
        outbox.register(snapshot.outbox, true);
        inbound.register(snapshot.inbound, true);
        oldestPendingSeconds = snapshot.oldestPending == null ? 0
                : Math.max(0, Duration.between(snapshot.oldestPending, now).toMillis() / 1000.0);
        readAt = now;
    }
}
