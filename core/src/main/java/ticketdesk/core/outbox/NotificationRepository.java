package ticketdesk.core.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationRepository extends GenericRepository<NotificationRow, Long> {

    NotificationRow save(NotificationRow row);

    /** Due rows, locked so that a concurrent worker skips them instead of waiting. */
    @Query("SELECT * FROM notifications WHERE status = 'pending' AND next_attempt_at <= :now"
            + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<NotificationRow> lockDue(LocalDateTime now, int limit);

    /** Takes rows for one attempt each: hidden from other workers until the lease ends. */
    @Query("UPDATE notifications SET attempts = attempts + 1, next_attempt_at = :leaseEnd WHERE id IN (:ids)")
    void lease(List<Long> ids, LocalDateTime leaseEnd);

    /**
     * Renews this worker's lease right before its attempt: 0 when another worker has taken the row since
     * (its lease ran out while earlier rows of the batch were being delivered).
     */
    @Query("UPDATE notifications SET next_attempt_at = :leaseEnd"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int renew(long id, int attempt, LocalDateTime leaseEnd);

    // the outcome of attempt n is recorded only while attempt n is still the row's latest
    @Query("UPDATE notifications SET status = 'sent', sent_at = :now, last_error = NULL"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int markSent(long id, int attempt, LocalDateTime now);

    @Query("UPDATE notifications SET next_attempt_at = :next, last_error = :error"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int reschedule(long id, int attempt, LocalDateTime next, String error);

    /** Failed notifications, and pending ones queued before {@code since}: newest first. */
    @Query("SELECT * FROM notifications WHERE status = 'failed' OR (status = 'pending' AND created_at < :since)"
            + " ORDER BY id DESC LIMIT :limit")
    List<NotificationRow> troubled(LocalDateTime since, int limit);

    @Query("SELECT COUNT(*) FROM notifications WHERE status = 'failed' OR (status = 'pending' AND created_at < :since)")
    long countTroubled(LocalDateTime since);

    /** A failed notification queued again, with all its attempts ahead of it. */
    @Query("UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = :now"
            + " WHERE id = :id AND status = 'failed'")
    int retry(long id, LocalDateTime now);

    Optional<NotificationRow> findById(long id);

    /** Puts an attempt back: the row waits until {@code next} as if it had not been tried. */
    @Query("UPDATE notifications SET attempts = attempts - 1, next_attempt_at = :next"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int postpone(long id, int attempt, LocalDateTime next);

    /** The ticket's pending notifications on the channel that came before {@code id}, oldest first. */
    @Query("SELECT * FROM notifications WHERE ticket_id = :ticketId AND channel = :channel AND status = 'pending'"
            + " AND id < :id ORDER BY id")
    List<NotificationRow> earlierPending(long ticketId, String channel, long id);

    @Query("UPDATE notifications SET status = 'failed', last_error = :error"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int markFailed(long id, int attempt, String error);
}
