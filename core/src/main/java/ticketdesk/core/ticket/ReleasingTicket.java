package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.ticket.Commands.ReleaseTicket;

/** The holder (or an admin) gives a ticket back to the pool without declining it. */
@Singleton
public class ReleasingTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    ReleasingTicket(TicketRepository tickets, Actors actors, AuditLog audit, Announcements announcements,
                    Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    @Transactional
    public ChangeResult release(ReleaseTicket command) {
        Actors.Acting actor = actors.load(command.actorId());
        if (actor.refused()) {
            return new ChangeResult.Refused(actor.refusal());
        }
        Ticket ticket = tickets.lockById(command.ticketId()).map(TicketRow::toTicket).orElse(null);
        if (ticket == null) {
            return new ChangeResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        if (ticket.status() != TicketStatus.IN_PROCESS) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is not claimed"));
        }
        if (!ticket.isHeldBy(command.actorId()) && !actor.user().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the holder or an admin can release ticket #"
                    + ticket.id()));
        }
        tickets.unassign(ticket.id(), ticket.responderId(), times.now());
        audit.write(ticket.id(), command.actorId(), EventType.RELEASED, TicketStatus.IN_PROCESS, TicketStatus.PENDING,
                "responder_id", ticket.responderId().toString(), null, command.channel());
        Ticket after = tickets.findById(ticket.id()).orElseThrow().toTicket();
        announcements.changed(after, command.actorId());
        if (!ticket.isHeldBy(command.actorId())) {
            announcements.toHolder(after, ticket.responderId(), ticketdesk.core.outbox.NotificationKind.RELEASED,
                    command.actorId());
        }
        return new ChangeResult.Changed(after);
    }
}
