package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ResolveTicket;

/** Rule 4: only the holder or an admin resolves; in_process → done, completed_at set; the requester hears. */
@Singleton
public class ResolvingTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    ResolvingTicket(TicketRepository tickets, Actors actors, AuditLog audit, Announcements announcements,
                    Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    @Transactional
    public ChangeResult resolve(ResolveTicket command) {
        Actors.Acting actor = actors.load(command.actorId());
        if (actor.refused()) {
            return new ChangeResult.Refused(actor.refusal());
        }
        Ticket ticket = tickets.lockById(command.ticketId()).map(TicketRow::toTicket).orElse(null);
        if (ticket == null) {
            return new ChangeResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        if (!ticket.isHeldBy(command.actorId()) && !actor.user().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the holder or an admin can resolve ticket #"
                    + ticket.id()));
        }
        if (ticket.status() != TicketStatus.IN_PROCESS) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is "
                    + ticket.status().db().replace('_', ' ') + "; only a claimed ticket can be resolved"));
        }
        tickets.resolve(ticket.id(), times.now());
        audit.transition(ticket.id(), command.actorId(), EventType.RESOLVED, TicketStatus.IN_PROCESS,
                TicketStatus.DONE, command.channel());
        Ticket after = tickets.findById(ticket.id()).orElseThrow().toTicket();
        announcements.toRequester(after, NotificationKind.RESOLVED, command.actorId());
        return new ChangeResult.Changed(after);
    }
}
