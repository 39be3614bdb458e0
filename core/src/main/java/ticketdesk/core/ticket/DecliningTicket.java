package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.ticket.Commands.DeclineTicket;

/**
 * Rule 3: a decline is recorded once and for good; a decliner who held the ticket gives it back to the
 * pool; when every active responder has declined, the admins are alerted.
 */
@Singleton
public class DecliningTicket {

    private final TicketWork work;

    DecliningTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public DeclineResult decline(DeclineTicket command) {
        TicketWork.Locked locked = work.lock(command.responderId(), command.ticketId());
        if (locked.refused()) {
            return new DeclineResult.Refused(locked.refusal());
        }
        if (!locked.actor().canWorkTickets()) {
            return new DeclineResult.Refused(Refusal.wrongRole("only responders and admins can decline tickets"));
        }
        Ticket ticket = locked.ticket();
        if (!ticket.status().isOpen()) {
            return new DeclineResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is already "
                    + ticket.status().db()));
        }
        var now = work.now();
        if (work.tickets.recordDecline(ticket.id(), command.responderId(), now) == 0) {
            return new DeclineResult.Declined(ticket, false, true);
        }
        boolean returned = ticket.isHeldBy(command.responderId())
                && work.tickets.unassign(ticket.id(), command.responderId(), now) == 1;
        work.audit.transition(ticket.id(), command.responderId(), EventType.DECLINED, ticket.status(),
                returned ? TicketStatus.PENDING : ticket.status(), command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.changed(after, command.responderId());
        if (after.status() == TicketStatus.PENDING && work.tickets.respondersNotDeclined(ticket.id()) == 0) {
            work.audit.transition(ticket.id(), null, EventType.ALL_DECLINED, null, null, Channel.SYSTEM);
            work.announcements.allDeclined(after);
        }
        return new DeclineResult.Declined(after, returned, false);
    }
}
