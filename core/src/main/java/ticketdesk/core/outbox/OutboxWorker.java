package ticketdesk.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;

/**
 * Delivers the outbox. Each round takes due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and
 * leases them in one UPDATE (so another worker, in this instance or another, neither waits for nor repeats
 * them), renews a row's lease right before its attempt once a quarter of it has passed (skipping a row another
 * worker took meanwhile), delivers outside any transaction, then records the outcome of that attempt only:
 * sent, retried after an exponential back-off, or failed after the configured number of attempts with the
 * error kept. A delivery that outlives its lease may be repeated by another worker: delivery is at least
 * once. Renewals and outcomes are single conditional UPDATEs, so they need no transaction of their own.
 */
@Singleton
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Argument<Map<String, String>> PAYLOAD = Argument.mapOf(String.class, String.class);

    private final NotificationRepository notifications;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final Times times;
    private final OutboxConfig config;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final ExecutorService deliverers;
    private final MeterRegistry metrics;

    OutboxWorker(NotificationRepository notifications, TransactionOperations<Connection> tx, JsonMapper json,
                 Times times, OutboxConfig config, List<Notifier> notifiers, MeterRegistry metrics) {
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
        this.times = times;
        this.config = config;
        this.metrics = metrics;
        notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
        AtomicInteger threads = new AtomicInteger();
        this.deliverers = Executors.newFixedThreadPool(Math.max(1, config.getDeliveryThreads()), r -> {
            Thread thread = new Thread(r, "outbox-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        deliverers.shutdownNow();
    }

    @Scheduled(fixedDelay = "${ticketdesk.outbox.poll-interval:500ms}", initialDelay = "${ticketdesk.outbox.initial-delay:2s}")
    void poll() {
        if (!config.isEnabled()) {
            return;
        }
        try {
            for (int round = 0; round < 20 && runOnce() > 0; round++) {
                // keep going while there is work, a bounded number of rounds per tick
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox round failed, will retry: {}", e.toString());
        }
    }

    /** One round: take up to a batch of due notifications and try each once. Returns how many were tried. */
    public int runOnce() {
        LocalDateTime leased = times.now();
        List<NotificationRow> taken = tx.executeWrite(status -> {
            List<NotificationRow> due = notifications.lockDue(leased, config.getBatchSize());
            if (!due.isEmpty()) {
                notifications.lease(due.stream().map(NotificationRow::id).toList(), leased.plus(config.getLease()));
            }
            return due;
        });
        deliverInParallel(taken, leased);
        return taken.size();
    }

    /** Runs rounds until nothing is due. For tests and shutdown; the scheduler does the same in the background. */
    public int drain() {
        int total = 0;
        for (int tried; (tried = runOnce()) > 0; ) {
            total += tried;
        }
        return total;
    }

    /**
     * One ticket's notifications go out in order on one thread (its card is posted before it is
     * updated); different tickets' go out side by side.
     */
    private void deliverInParallel(List<NotificationRow> taken, LocalDateTime leased) {
        Map<Long, List<NotificationRow>> byTicket = new LinkedHashMap<>();
        for (NotificationRow row : taken) {
            Long key = row.ticketId() != null ? row.ticketId() : -row.id();
            byTicket.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<NotificationRow> group : byTicket.values()) {
            running.add(deliverers.submit(() -> group.forEach(row -> attempt(row, leased))));
        }
        for (Future<?> delivery : running) {
            try {
                delivery.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("outbox delivery failed unexpectedly: {}", e.getCause().toString());
            }
        }
    }

    private void attempt(NotificationRow row, LocalDateTime leased) {
        int attempt = row.attempts() + 1;
        LocalDateTime now = times.now();
        // a lease three quarters fresh still outlasts any one delivery's timeouts; older ones are renewed
        boolean worn = now.isAfter(leased.plus(config.getLease().dividedBy(4)));
        if (worn && notifications.renew(row.id(), attempt, now.plus(config.getLease())) != 1) {
            return;
        }
        try {
            Notification notification = new Notification(row.id(), row.ticketId(), row.recipientUserId(),
                    Channel.fromDb(row.channel()), NotificationKind.fromDb(row.kind()),
                    json.readValue(row.payload(), PAYLOAD), attempt);
            Notifier notifier = notifiers.get(notification.channel());
            if (notifier == null) {
                throw new IllegalStateException("no notifier for channel " + row.channel());
            }
            notifier.deliver(notification);
            notifications.markSent(row.id(), attempt, times.now());
        } catch (NotYet wait) {
            notifications.postpone(row.id(), attempt, wait.until());
        } catch (GiveUp never) {
            countError(row);
            notifications.markFailed(row.id(), attempt, never.getMessage());
        } catch (RetryLater later) {
            recordFailure(row, attempt, later.getMessage(), later.after());
        } catch (Exception e) {
            recordFailure(row, attempt, describe(e), backoff(attempt));
        }
    }

    private void recordFailure(NotificationRow row, int attempt, String error, Duration delay) {
        countError(row);
        if (attempt >= config.getMaxAttempts()) {
            LOG.warn("notification {} ({} {}) failed after {} attempts: {}", row.id(), row.channel(), row.kind(),
                    attempt, error);
            notifications.markFailed(row.id(), attempt, error);
        } else {
            notifications.reschedule(row.id(), attempt, times.now().plus(delay), error);
        }
    }

    /** {@code ticketdesk_outbox_delivery_errors_total{channel}}: attempts that failed, by channel. */
    private void countError(NotificationRow row) {
        Counter.builder("ticketdesk.outbox.delivery.errors").description("Outbox delivery attempts that failed")
                .tag("channel", row.channel()).register(metrics).increment();
    }

    Duration backoff(int attempt) {
        long base = config.getBaseDelay().toMillis();
        long exp = base * (1L << Math.min(attempt - 1, 20));
        long capped = Math.min(exp, config.getMaxDelay().toMillis());
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped - jitter);
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
