package ticketdesk.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ticketdesk.core.Times;
import ticketdesk.core.ticket.TicketStatus;

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
        List<MultiGauge.Row<?>> ticketRows = new ArrayList<>();
        List<MultiGauge.Row<?>> outboxRows = new ArrayList<>();
        List<MultiGauge.Row<?>> inboundRows = new ArrayList<>();
        Set<String> statuses = new HashSet<>();
        LocalDateTime[] oldest = new LocalDateTime[1];
        jdbc.prepareStatement(Snapshot.SQL, ps -> {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    long count = rs.getLong(4);
                    switch (kind) {
                        case Snapshot.TICKETS -> {
                            statuses.add(rs.getString(2));
                            ticketRows.add(MultiGauge.Row.of(Tags.of("status", rs.getString(2)), count));
                        }
                        case Snapshot.OUTBOX -> outboxRows.add(MultiGauge.Row.of(Tags.of("channel", rs.getString(2),
                                "status", rs.getString(3)), count));
                        case Snapshot.INBOUND -> inboundRows.add(MultiGauge.Row.of(Tags.of("outcome",
                                rs.getString(2)), count));
                        default -> oldest[0] = rs.getObject(5, LocalDateTime.class);
                    }
                }
            }
            return null;
        });
        for (TicketStatus status : TicketStatus.values()) {
            if (!statuses.contains(status.db())) {
                ticketRows.add(MultiGauge.Row.of(Tags.of("status", status.db()), 0));
            }
        }
        tickets.register(ticketRows, true);
        outbox.register(outboxRows, true);
        inbound.register(inboundRows, true);
        oldestPendingSeconds = oldest[0] == null ? 0 : Math.max(0, Duration.between(oldest[0], now).toMillis() / 1000.0);
        readAt = now;
    }
}
