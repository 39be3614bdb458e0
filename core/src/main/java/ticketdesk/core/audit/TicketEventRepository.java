package ticketdesk.core.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TicketEventRepository extends GenericRepository<TicketEventRow, Long> {

    TicketEventRow save(TicketEventRow row);

    Optional<TicketEventRow> findById(long id);

    @Query("SELECT * FROM ticket_events WHERE ticket_id = :ticketId ORDER BY created_at, id")
    List<TicketEventRow> timeline(long ticketId);
}
