package ticketdesk.core.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.List;

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

    @Query("UPDATE notifications SET status = 'failed', last_error = :error"
            + " WHERE id = :id AND status = 'pending' AND attempts = :attempt")
    int markFailed(long id, int attempt, String error);
}
