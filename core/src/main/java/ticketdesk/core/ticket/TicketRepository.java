package ticketdesk.core.ticket;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TicketRepository extends CrudRepository<TicketRow, Long> {

    /** The claim: one conditional UPDATE decides who wins, whatever the concurrency. */
    @Query("UPDATE tickets SET status = 'in_process', responder_id = :responderId, claimed_at = :now,"
            + " updated_at = :now WHERE id = :id AND status = 'pending' AND responder_id IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM ticket_responder_log l"
            + "   WHERE l.ticket_id = :id AND l.responder_id = :responderId)")
    int claim(long id, long responderId, LocalDateTime now);

    /** Moves a ticket between statuses only when it is still in the expected one (no lost updates). */
    @Query("UPDATE tickets SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
    int transition(long id, String from, String to, LocalDateTime now);

    @Query("UPDATE tickets SET status = 'done', completed_at = :now, updated_at = :now"
            + " WHERE id = :id AND status = 'in_process'")
    int resolve(long id, LocalDateTime now);

    /** Back to the pool, only from the given holder. */
    @Query("UPDATE tickets SET status = 'pending', responder_id = NULL, claimed_at = NULL, updated_at = :now"
            + " WHERE id = :id AND status = 'in_process' AND responder_id = :holderId")
    int unassign(long id, long holderId, LocalDateTime now);

    @Query("UPDATE tickets SET status = :to, responder_id = :responderId, completed_at = NULL, updated_at = :now"
            + " WHERE id = :id AND status = 'done'")
    int reopen(long id, String to, @io.micronaut.core.annotation.Nullable Long responderId, LocalDateTime now);

    @Query("UPDATE tickets SET title = :title, description = :description, priority = :priority,"
            + " category = :category, updated_at = :now WHERE id = :id")
    int edit(long id, String title, @io.micronaut.core.annotation.Nullable String description, String priority,
             @io.micronaut.core.annotation.Nullable String category, LocalDateTime now);

    /** A hand-over: only from the holder the caller saw, and never to someone who declined the ticket. */
    @Query("UPDATE tickets SET responder_id = :toId, updated_at = :now WHERE id = :id AND status = 'in_process'"
            + " AND responder_id = :fromId AND NOT EXISTS (SELECT 1 FROM ticket_responder_log l"
            + "   WHERE l.ticket_id = :id AND l.responder_id = :toId)")
    int handOver(long id, long fromId, long toId, LocalDateTime now);

    @Query("SELECT * FROM tickets WHERE id = :id FOR UPDATE")
    Optional<TicketRow> lockById(long id);

    @Query("SELECT * FROM tickets WHERE responder_id = :responderId AND status = 'in_process' ORDER BY id")
    List<TicketRow> heldBy(long responderId);

    @Query("SELECT * FROM tickets t WHERE t.status = 'pending' AND NOT EXISTS (SELECT 1 FROM ticket_responder_log l"
            + " WHERE l.ticket_id = t.id AND l.responder_id = :responderId) ORDER BY t.id LIMIT :limit")
    List<TicketRow> poolFor(long responderId, int limit);

    @Query("SELECT * FROM tickets WHERE requester_id = :requesterId ORDER BY id DESC LIMIT :limit")
    List<TicketRow> requestedBy(long requesterId, int limit);

    @Query("SELECT * FROM tickets ORDER BY id DESC LIMIT :limit")
    List<TicketRow> latest(int limit);

    @Query("SELECT COUNT(*) FROM ticket_responder_log WHERE ticket_id = :ticketId AND responder_id = :responderId")
    long declinedCount(long ticketId, long responderId);

    /** Idempotent: 1 when this is the responder's first decline of the ticket, 0 after that. */
    @Query("INSERT IGNORE INTO ticket_responder_log (ticket_id, responder_id, state, created_at)"
            + " VALUES (:ticketId, :responderId, 'declined', :now)")
    int recordDecline(long ticketId, long responderId, LocalDateTime now);

    /** Active responders who have not declined the ticket. */
    @Query("SELECT COUNT(*) FROM users u WHERE u.role = 'responder' AND u.is_active = TRUE AND NOT EXISTS"
            + " (SELECT 1 FROM ticket_responder_log l WHERE l.ticket_id = :ticketId AND l.responder_id = u.id)")
    long respondersNotDeclined(long ticketId);
}
