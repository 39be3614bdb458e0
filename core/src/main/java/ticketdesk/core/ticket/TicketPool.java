package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.EventType;

/** Gives a departing responder's tickets back to the pool (rule 8), each with its event. */
@Singleton
public class TicketPool {

    private final TicketWork work;

    TicketPool(TicketWork work) {
        this.work = work;
    }

    /** Returns how many tickets went back to the pool. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int returnTicketsHeldBy(long holderId, Long actorId, Channel channel, String reason) {
        int returned = 0;
        for (TicketRow row : work.tickets.heldBy(holderId)) {
            if (work.tickets.unassign(row.id(), holderId, work.now()) == 1) {
                work.audit.write(row.id(), actorId, EventType.RETURNED_TO_POOL, TicketStatus.IN_PROCESS,
                        TicketStatus.PENDING, "responder_id", Long.toString(holderId), reason, channel);
                work.announcements.changed(work.reload(row.id()), actorId);
                returned++;
            }
        }
        return returned;
    }
}
