package ticketdesk.core.ticket;

import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.user.User;

/**
 * What every ticket use case works with: the tickets, who is acting, the audit log, the announcements, the
 * timings and the clock; and the common start of a change: load the actor, lock the ticket, or say why not.
 */
@Singleton
class TicketWork {

    final TicketRepository tickets;
    final Actors actors;
    final AuditLog audit;
    final Announcements announcements;
    final TicketTimings timings;
    private final Times times;

    TicketWork(TicketRepository tickets, Actors actors, AuditLog audit, Announcements announcements,
               TicketTimings timings, Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.audit = audit;
        this.announcements = announcements;
        this.timings = timings;
        this.times = times;
    }

    /** The active actor and the ticket, locked for this transaction; or the refusal. */
    Locked lock(long actorId, long ticketId) {
        Actors.Acting acting = actors.load(actorId);
        if (acting.refused()) {
            return new Locked(acting.user(), null, acting.refusal());
        }
        Ticket ticket = tickets.lockById(ticketId).map(TicketRow::toTicket).orElse(null);
        if (ticket == null) {
            return new Locked(acting.user(), null, Refusal.notFound("ticket #" + ticketId));
        }
        return new Locked(acting.user(), ticket, null);
    }

    Ticket reload(long ticketId) {
        return tickets.findById(ticketId).orElseThrow().toTicket();
    }

    LocalDateTime now() {
        return times.now();
    }

    record Locked(User actor, Ticket ticket, Refusal refusal) {

        boolean refused() {
            return refusal != null;
        }
    }
}
