package ticketdesk.mail.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SentMessageRepository extends GenericRepository<SentMessageRow, String> {

    Optional<SentMessageRow> findById(String messageId);

    @Query("INSERT INTO mail_sent_messages (message_id, ticket_id, recipient_user_id, notification_id, kind, sent_at)"
            + " VALUES (:messageId, :ticketId, :recipientUserId, :notificationId, :kind, :sentAt)")
    void insert(String messageId, @Nullable Long ticketId, @Nullable Long recipientUserId, long notificationId, String kind,
                LocalDateTime sentAt);

    @Query("SELECT message_id FROM mail_sent_messages WHERE ticket_id = :ticketId AND recipient_user_id = :recipientUserId"
            + " AND notification_id < :before ORDER BY notification_id DESC LIMIT 1")
    Optional<String> previous(long ticketId, long recipientUserId, long before);
}
