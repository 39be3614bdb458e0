package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;

/** Gives a departing responder's tickets back to the pool (rule 8), each with its event. */
@Singleton
public class TicketPool {

    private final TicketRepository tickets;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    TicketPool(TicketRepository tickets, AuditLog audit, Announcements announcements, Times times) {
        this.tickets = tickets;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    /** Returns how many tickets went back to the pool. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int returnTicketsHeldBy(long holderId, Long actorId, Channel channel, String reason) {
        int returned = 0;
        for (TicketRow row : tickets.heldBy(holderId)) {
            if (tickets.unassign(row.id(), holderId, times.now()) == 1) {
                audit.write(row.id(), actorId, EventType.RETURNED_TO_POOL, TicketStatus.IN_PROCESS,
                        TicketStatus.PENDING, "responder_id", Long.toString(holderId), reason, channel);
                announcements.changed(tickets.findById(row.id()).orElseThrow().toTicket(), actorId);
                returned++;
            }
        }
        return returned;
    }
}
