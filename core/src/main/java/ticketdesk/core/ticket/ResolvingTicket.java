package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ResolveTicket;

/** Rule 4: only the holder or an admin resolves; in_process → done, completed_at set; the requester hears. */
@Singleton
public class ResolvingTicket {

    private final TicketWork work;

    ResolvingTicket(TicketWork work) {
        this.work = work;
    }

    @Transactional
    public ChangeResult resolve(ResolveTicket command) {
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        if (!ticket.isHeldBy(command.actorId()) && !locked.actor().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the holder or an admin can resolve ticket #"
                    + ticket.id()));
        }
        if (ticket.status() != TicketStatus.IN_PROCESS) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is "
                    + ticket.status().db().replace('_', ' ') + "; only a claimed ticket can be resolved"));
        }
        work.tickets.resolve(ticket.id(), work.now());
        work.audit.transition(ticket.id(), command.actorId(), EventType.RESOLVED, TicketStatus.IN_PROCESS,
                TicketStatus.DONE, command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.toRequester(after, NotificationKind.RESOLVED, command.actorId());
        work.timings.resolved(after);
        return new ChangeResult.Changed(after);
    }
}
