package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.ticket.Commands.DeclineTicket;

/**
 * Rule 3: a decline is recorded once and for good; a decliner who held the ticket gives it back to the
 * pool; when every active responder has declined, the admins are alerted.
 */
@Singleton
public class DecliningTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    DecliningTicket(TicketRepository tickets, Actors actors, AuditLog audit, Announcements announcements,
                    Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    @Transactional
    public DeclineResult decline(DeclineTicket command) {
        Actors.Acting decliner = actors.load(command.responderId());
        if (decliner.refused()) {
            return new DeclineResult.Refused(decliner.refusal());
        }
        if (!decliner.user().canWorkTickets()) {
            return new DeclineResult.Refused(Refusal.wrongRole("only responders and admins can decline tickets"));
        }
        Optional<TicketRow> locked = tickets.lockById(command.ticketId());
        if (locked.isEmpty()) {
            return new DeclineResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        Ticket ticket = locked.get().toTicket();
        if (!ticket.status().isOpen()) {
            return new DeclineResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is already "
                    + ticket.status().db()));
        }
        var now = times.now();
        boolean first = tickets.recordDecline(ticket.id(), command.responderId(), now) == 1;
        if (!first) {
            return new DeclineResult.Declined(ticket, false, true);
        }
        boolean returned = ticket.isHeldBy(command.responderId())
                && tickets.unassign(ticket.id(), command.responderId(), now) == 1;
        audit.transition(ticket.id(), command.responderId(), EventType.DECLINED, ticket.status(),
                returned ? TicketStatus.PENDING : ticket.status(), command.channel());
        Ticket after = tickets.findById(ticket.id()).orElseThrow().toTicket();
        announcements.changed(after, command.responderId());
        if (after.status() == TicketStatus.PENDING && tickets.respondersNotDeclined(ticket.id()) == 0) {
            audit.transition(ticket.id(), null, EventType.ALL_DECLINED, null, null, ticketdesk.core.Channel.SYSTEM);
            announcements.allDeclined(after);
        }
        return new DeclineResult.Declined(after, returned, false);
    }
}
