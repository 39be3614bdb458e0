package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ReleaseTicket;

/** The holder (or an admin) gives a ticket back to the pool without declining it. */
@Singleton
public class ReleasingTicket {

    private final TicketWork work;

    ReleasingTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public ChangeResult release(ReleaseTicket command) {
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        if (ticket.status() != TicketStatus.IN_PROCESS) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is not claimed"));
        }
        if (!ticket.isHeldBy(command.actorId()) && !locked.actor().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the holder or an admin can release ticket #"
                    + ticket.id()));
        }
        work.tickets.unassign(ticket.id(), ticket.responderId(), work.now());
        work.audit.write(ticket.id(), command.actorId(), EventType.RELEASED, TicketStatus.IN_PROCESS,
                TicketStatus.PENDING, "responder_id", ticket.responderId().toString(), null, command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.changed(after, command.actorId());
        work.announcements.toHolder(after, ticket.responderId(), NotificationKind.RELEASED, command.actorId());
        return new ChangeResult.Changed(after);
    }
}
