package ticketdesk.core.ticket;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ReopenTicket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Rule 5: the requester reopens a done ticket within the reopen window (7 days unless configured),
 * an admin at any time. It goes back to its responder while they are active, otherwise to the pool.
 */
@Singleton
public class ReopeningTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;
    private final Duration window;

    ReopeningTicket(TicketRepository tickets, Actors actors, UserDirectory users, AuditLog audit,
                    Announcements announcements, Times times,
                    @Value("${ticketdesk.reopen-window:7d}") Duration window) {
        this.tickets = tickets;
        this.actors = actors;
        this.users = users;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Whether the requester may still reopen this ticket by replying. */
    public boolean withinWindow(Ticket ticket) {
        return ticket.status() == TicketStatus.DONE && ticket.completedAt() != null
                && !ticket.completedAt().plus(window).isBefore(times.now());
    }

    @Transactional
    public ChangeResult reopen(ReopenTicket command) {
        Actors.Acting actor = actors.load(command.actorId());
        if (actor.refused()) {
            return new ChangeResult.Refused(actor.refusal());
        }
        Ticket ticket = tickets.lockById(command.ticketId()).map(TicketRow::toTicket).orElse(null);
        if (ticket == null) {
            return new ChangeResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        boolean requester = ticket.requesterId() == command.actorId();
        if (!requester && !actor.user().isAdmin()) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the requester or an admin can reopen ticket #"
                    + ticket.id()));
        }
        if (ticket.status() != TicketStatus.DONE) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is not resolved"));
        }
        if (!actor.user().isAdmin() && !withinWindow(ticket)) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " was resolved more than "
                    + window.toDays() + " days ago; please open a new ticket"));
        }
        Long holder = ticket.responderId() != null
                && users.byId(ticket.responderId()).map(User::canWorkTickets).orElse(false)
                ? ticket.responderId() : null;
        TicketStatus to = holder != null ? TicketStatus.IN_PROCESS : TicketStatus.PENDING;
        tickets.reopen(ticket.id(), to.db(), holder, times.now());
        audit.transition(ticket.id(), command.actorId(), EventType.REOPENED, TicketStatus.DONE, to, command.channel());
        Ticket after = tickets.findById(ticket.id()).orElseThrow().toTicket();
        announcements.toRequester(after, NotificationKind.REOPENED, command.actorId());
        if (holder != null) {
            announcements.toHolder(after, holder, NotificationKind.REOPENED, command.actorId());
        }
        return new ChangeResult.Changed(after);
    }
}
