package ticketdesk.core.message;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AttachmentRepository extends GenericRepository<AttachmentRow, Long> {

    AttachmentRow save(AttachmentRow row);

    Optional<AttachmentRow> findById(long id);

    @Query("SELECT id, message_id, file_name, content_type, size_bytes, NULL AS content, created_at"
            + " FROM message_attachments WHERE message_id = :messageId ORDER BY id")
    List<AttachmentRow> listFor(long messageId);
}
