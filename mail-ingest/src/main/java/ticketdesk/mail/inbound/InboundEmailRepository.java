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

    /**
     * Claims a mail an admin applies again, only while it still has the outcome the admin saw: two clicks, or a click
     * and a redelivery, take it once. Its ticket is forgotten, so a takeover after a crash never mistakes the ticket
     * a held reply pointed at for one this mail opened.
     */
    @Query("UPDATE inbound_emails SET outcome = :processing, received_at = :now, attempts = attempts + 1,"
            + " ticket_id = NULL WHERE id = :id AND outcome = :seen")
    int claimWaiting(long id, String seen, String processing, LocalDateTime now);

    @Query("UPDATE inbound_emails SET outcome = :dismissed, handled_by = :adminId, handled_at = :now,"
            + " handled_as = :handledAs WHERE id = :id AND outcome = :seen")
    int dismiss(long id, String seen, String dismissed, long adminId, LocalDateTime now, String handledAs);

    @Query("UPDATE inbound_emails SET handled_by = :adminId, handled_at = :now, handled_as = :handledAs WHERE id = :id")
    void handled(long id, long adminId, LocalDateTime now, String handledAs);

    @Query("UPDATE inbound_emails SET outcome = :outcome, ticket_id = COALESCE(:ticketId, ticket_id),"
            + " extracted_text = :extractedText,"
            + " error = :error, note = :note WHERE id = :id")
    void finish(long id, String outcome, @Nullable Long ticketId, @Nullable String extractedText,
                @Nullable String error, @Nullable String note);
}
