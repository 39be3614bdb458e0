package ticketdesk.mail.inbound;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Optional;
import ticketdesk.core.Times;
import ticketdesk.core.store.BlobChunks;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.spool.RawMail;

/** An {@code inbound_emails} row read back for an admin: its state, and its raw message spooled again from the database. */
@Singleton
class StoredMail {

    /** {@code rawSize} is what the row keeps of the raw message (0 when nothing). */
    record Row(long id, String messageId, Outcome outcome, int attempts, String from, long rawSize) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final InboundEmailRepository rows;
    private final MailSettings settings;
    private final Times times;

    StoredMail(JdbcOperations jdbc, TransactionOperations<Connection> tx, InboundEmailRepository rows,
               MailSettings settings, Times times) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rows = rows;
        this.settings = settings;
        this.times = times;
    }

    @ReadOnly
    Optional<Row> row(long id) {
        return jdbc.prepareStatement("SELECT id, message_id, outcome, attempts, from_address,"
                + " COALESCE(OCTET_LENGTH(raw_message), 0) FROM inbound_emails WHERE id = ?", ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getString(2),
                                Outcome.fromDb(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getLong(6)))
                                : Optional.empty();
                    }
                });
    }

    /** Whether the row keeps the whole raw message: one cut at the stored limit cannot be applied. */
    boolean whole(Row row) {
        return row.rawSize() > 0 && row.rawSize() < settings.getMaxStoredRawSize();
    }

    /** The raw message in a fresh spool, copied from the database a chunk at a time; the caller closes it. */
    RawMail spool(Row row) {
        try (InputStream in = new BlobChunks(tx, "inbound_emails", "raw_message", row.id(), row.rawSize())) {
            return RawMail.spool(in, row.rawSize());
        } catch (IOException e) {
            throw new UncheckedIOException("the raw message of inbound email #" + row.id() + " is not readable", e);
        }
    }

    /** Takes the mail for an admin's action if it still has the outcome they saw; false when someone was first. */
    boolean claim(Row row) {
        return tx.executeWrite(s -> rows.claimWaiting(row.id(), row.outcome().db(), Outcome.PROCESSING.db(),
                times.now())) == 1;
    }
}
