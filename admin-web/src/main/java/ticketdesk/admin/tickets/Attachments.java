package ticketdesk.admin.tickets;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ticketdesk.core.store.BlobChunks;

/**
 * The files that came with a ticket's messages ({@code message_attachments}), listed for its page and streamed out of
 * the database a chunk at a time for download; one too large to keep when it arrived has no content.
 */
@Singleton
class Attachments {

    /** {@code kept}: the content is stored, so it can be downloaded. */
    record File(long id, long messageId, String name, String contentType, long size, boolean kept) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    Attachments(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The files of the ticket's messages, by message id. */
    @ReadOnly
    Map<Long, List<File>> ofTicket(long ticketId) {
        return jdbc.prepareStatement("SELECT a.id, a.message_id, a.file_name, a.content_type, a.size_bytes,"
                + " a.content IS NOT NULL FROM message_attachments a JOIN messages m ON m.id = a.message_id"
                + " WHERE m.ticket_id = ? ORDER BY a.id", ps -> {
                    ps.setLong(1, ticketId);
                    Map<Long, List<File>> files = new HashMap<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            File f = new File(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getLong(5), rs.getBoolean(6));
                            files.computeIfAbsent(f.messageId(), m -> new ArrayList<>()).add(f);
                        }
                    }
                    return files;
                });
    }

    /** One kept file: its name, type and the length of its stored content. */
    @ReadOnly
    Optional<File> kept(long id) {
        return jdbc.prepareStatement("SELECT id, message_id, file_name, content_type, OCTET_LENGTH(content)"
                + " FROM message_attachments WHERE id = ? AND content IS NOT NULL", ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new File(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getLong(5), true)) : Optional.<File>empty();
                    }
                });
    }

    InputStream content(File file) {
        return new BlobChunks(tx, "message_attachments", "content", file.id(), file.size());
    }
}
