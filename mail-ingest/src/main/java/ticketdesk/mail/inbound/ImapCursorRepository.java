package ticketdesk.mail.inbound;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ImapCursorRepository extends GenericRepository<ImapCursorRow, String> {

    Optional<ImapCursorRow> findById(String mailbox);

    /** Moves the cursor forward only (or to a new UIDVALIDITY), so a late or stale reader never moves it back. */
    @Query("UPDATE mail_imap_cursors SET uid_validity = :uidValidity, last_uid = :lastUid, updated_at = :now"
            + " WHERE mailbox = :mailbox AND (uid_validity <> :uidValidity OR last_uid < :lastUid)")
    int update(String mailbox, long uidValidity, long lastUid, LocalDateTime now);

    @Query("INSERT INTO mail_imap_cursors (mailbox, uid_validity, last_uid, updated_at)"
            + " VALUES (:mailbox, :uidValidity, :lastUid, :now)")
    void insert(String mailbox, long uidValidity, long lastUid, LocalDateTime now);
}
