package ticketdesk.core.outbox;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;

/**
 * The notifications an admin should know about: those that failed after their last attempt, and those still pending
 * after {@link #LONG_PENDING}; and the retry of a failed one, which queues it again with all its attempts ahead.
 */
@Singleton
public class DeliveryTroubles {

    public static final Duration LONG_PENDING = Duration.ofMinutes(10);

    private final NotificationRepository notifications;
    private final Times times;

    DeliveryTroubles(NotificationRepository notifications, Times times) {
        this.notifications = notifications;
        this.times = times;
    }

    /** One troubled notification, as the Deliveries page lists it. */
    public record Trouble(long id, Long ticketId, Long recipientUserId, Channel channel, NotificationKind kind,
                          boolean failed, int attempts, LocalDateTime nextAttemptAt, String lastError,
                          LocalDateTime createdAt) {
    }

    public List<Trouble> list(int limit) {
        return notifications.troubled(times.now().minus(LONG_PENDING), limit).stream()
                .map(DeliveryTroubles::trouble).toList();
    }

    public long count() {
        return notifications.countTroubled(times.now().minus(LONG_PENDING));
    }

    /** Queues a failed notification again; refused when there is none such, or it has not failed. */
    public Optional<Refusal> retry(long notificationId) {
        if (notifications.retry(notificationId, times.now()) == 1) {
            return Optional.empty();
        }
        return Optional.of(notifications.findById(notificationId).isEmpty()
                ? Refusal.notFound("notification #" + notificationId)
                : Refusal.illegal("notification #" + notificationId + " has not failed; only a failed one is retried"));
    }

    private static Trouble trouble(NotificationRow row) {
        return new Trouble(row.id(), row.ticketId(), row.recipientUserId(), Channel.fromDb(row.channel()),
                NotificationKind.fromDb(row.kind()), "failed".equals(row.status()), row.attempts(),
                row.nextAttemptAt(), row.lastError(), row.createdAt());
    }
}
