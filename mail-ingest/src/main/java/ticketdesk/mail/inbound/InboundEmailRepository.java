package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface InboundEmailRepository extends GenericRepository<InboundEmailRow, Long> {

    InboundEmailRow save(InboundEmailRow row);

    @Query("SELECT id, message_id, received_at, from_address, subject, ticket_id, outcome, NULL AS raw_message,"
            + " extracted_text, error, note, attempts FROM inbound_emails WHERE message_id = :messageId")
    Optional<InboundEmailRow> findByMessageId(String messageId);

    /** Takes over a row whose handling died or failed, so this delivery handles it again. */
    @Query("UPDATE inbound_emails SET outcome = 'processing', received_at = :now, attempts = attempts + 1"
            + " WHERE id = :id"
            + " AND (outcome = 'failed' OR (outcome = 'processing' AND received_at < :staleBefore))")
    int takeOver(long id, LocalDateTime now, LocalDateTime staleBefore);

    /** Records the ticket an email opened, in the transaction that opened it. */
    @Query("UPDATE inbound_emails SET ticket_id = :ticketId WHERE message_id = :messageId")
    void link(String messageId, long ticketId);

    @Query("UPDATE inbound_emails SET outcome = :outcome, ticket_id = COALESCE(:ticketId, ticket_id),"
            + " extracted_text = :extractedText,"
            + " error = :error, note = :note WHERE id = :id")
    void finish(long id, String outcome, @Nullable Long ticketId, @Nullable String extractedText,
                @Nullable String error, @Nullable String note);
}
