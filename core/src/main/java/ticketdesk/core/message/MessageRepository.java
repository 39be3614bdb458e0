package ticketdesk.core.message;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MessageRepository extends GenericRepository<MessageRow, Long> {

    MessageRow save(MessageRow row);

    Optional<MessageRow> findById(long id);

    @Query("SELECT * FROM messages WHERE channel = :channel AND external_id = :externalId")
    Optional<MessageRow> findByExternal(String channel, String externalId);

    @Query("SELECT * FROM messages WHERE ticket_id = :ticketId ORDER BY created_at, id")
    List<MessageRow> forTicket(long ticketId);
}
