package ticketdesk.core.message;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * Writes {@code message_attachments} rows with the content streamed from its source into the statement, so the
 * application never holds a whole file (the driver may still buffer one statement's packet).
 */
@Singleton
class AttachmentFiles {

    private static final String INSERT = "INSERT INTO message_attachments"
            + " (message_id, file_name, content_type, size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final TransactionOperations<Connection> tx;

    AttachmentFiles(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Inserts one attachment in the current transaction. */
    void insert(long messageId, String fileName, String contentType, Attachment a, LocalDateTime now) {
        try (PreparedStatement insert = tx.getConnection().prepareStatement(INSERT);
             InputStream content = a.content() == null ? null : a.content().open()) {
            insert.setLong(1, messageId);
            insert.setString(2, fileName);
            insert.setString(3, contentType);
            insert.setLong(4, a.size());
            if (content == null) {
                insert.setNull(5, Types.BLOB);
            } else {
                insert.setBinaryStream(5, content, a.size());
            }
            insert.setObject(6, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("attachment " + fileName + " not stored: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + fileName + " not readable", e);
        }
    }
}
