package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.CancelTicket;

/** Rule 6: the requester or an admin cancels an open ticket. Nothing is ever hard-deleted. */
@Singleton
public class CancellingTicket {

    private final TicketWork work;

    CancellingTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public ChangeResult cancel(CancelTicket command) {
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        if (ticket.requesterId() != command.actorId() && !locked.actor().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the requester or an admin can cancel ticket #"
                    + ticket.id()));
        }
        if (!ticket.status().isOpen()) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is already "
                    + ticket.status().db()));
        }
        work.tickets.transition(ticket.id(), ticket.status().db(), TicketStatus.CANCELLED.db(), work.now());
        work.audit.transition(ticket.id(), command.actorId(), EventType.CANCELLED, ticket.status(),
                TicketStatus.CANCELLED, command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.toRequester(after, NotificationKind.CANCELLED, command.actorId());
        if (ticket.responderId() != null) {
            work.announcements.toHolder(after, ticket.responderId(), NotificationKind.CANCELLED, command.actorId());
        }
        return new ChangeResult.Changed(after);
    }
}
