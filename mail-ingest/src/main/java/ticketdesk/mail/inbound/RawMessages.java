package ticketdesk.mail.inbound;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import ticketdesk.mail.spool.RawMail;

/**
 * Streams a spooled raw message into {@code inbound_emails.raw_message}, its first {@code max} bytes, from the file
 * into the statement: the application never holds it whole (the driver may buffer one statement's packet).
 */
@Singleton
class RawMessages {

    private final TransactionOperations<Connection> tx;

    RawMessages(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Stores the raw message on row {@code id}, in the current transaction. */
    void store(long id, RawMail raw, long max) {
        long length = Math.min(raw.size(), max);
        try (PreparedStatement update = tx.getConnection()
                .prepareStatement("UPDATE inbound_emails SET raw_message = ? WHERE id = ?");
             InputStream in = raw.open()) {
            update.setBinaryStream(1, in, length);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("raw message not stored: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled message is not readable", e);
        }
    }
}
