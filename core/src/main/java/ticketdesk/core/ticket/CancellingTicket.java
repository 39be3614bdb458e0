package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.CancelTicket;

/** Rule 6: the requester or an admin cancels an open ticket. Nothing is ever hard-deleted. */
@Singleton
public class CancellingTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    CancellingTicket(TicketRepository tickets, Actors actors, AuditLog audit, Announcements announcements,
                     Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    @Transactional
    public ChangeResult cancel(CancelTicket command) {
        Actors.Acting actor = actors.load(command.actorId());
        if (actor.refused()) {
            return new ChangeResult.Refused(actor.refusal());
        }
        Ticket ticket = tickets.lockById(command.ticketId()).map(TicketRow::toTicket).orElse(null);
        if (ticket == null) {
            return new ChangeResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        if (ticket.requesterId() != command.actorId() && !actor.user().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the requester or an admin can cancel ticket #"
                    + ticket.id()));
        }
        if (!ticket.status().isOpen()) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is already "
                    + ticket.status().db()));
        }
        tickets.transition(ticket.id(), ticket.status().db(), TicketStatus.CANCELLED.db(), times.now());
        audit.transition(ticket.id(), command.actorId(), EventType.CANCELLED, ticket.status(), TicketStatus.CANCELLED,
                command.channel());
        Ticket after = tickets.findById(ticket.id()).orElseThrow().toTicket();
        announcements.toRequester(after, NotificationKind.CANCELLED, command.actorId());
        if (ticket.responderId() != null) {
            announcements.toHolder(after, ticket.responderId(), NotificationKind.CANCELLED, command.actorId());
        }
        return new ChangeResult.Changed(after);
    }
}
