package ticketdesk.core.ticket;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import ticketdesk.core.Refusal;
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

    private final TicketWork work;
    private final UserDirectory users;
    private final Duration window;

    ReopeningTicket(TicketWork work, UserDirectory users, @Value("${ticketdesk.reopen-window:7d}") Duration window) {
        this.work = work;
        this.users = users;
        this.window = window;
    }

    private boolean withinWindow(Ticket ticket) {
        return ticket.status() == TicketStatus.DONE && ticket.completedAt() != null
                && !ticket.completedAt().plus(window).isBefore(work.now());
    }

    @Transactional
    public ChangeResult reopen(ReopenTicket command) {
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        boolean admin = locked.actor().isAdmin();
        if (ticket.requesterId() != command.actorId() && !admin) {
            return new ChangeResult.Refused(Refusal.notAllowed("only the requester or an admin can reopen ticket #"
                    + ticket.id()));
        }
        if (ticket.status() != TicketStatus.DONE) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is not resolved"));
        }
        if (!admin && !withinWindow(ticket)) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " was resolved more than "
                    + window.toDays() + " days ago; please open a new ticket"));
        }
        Long holder = ticket.responderId() != null
                && users.byId(ticket.responderId()).map(User::canWorkTickets).orElse(false)
                ? ticket.responderId() : null;
        TicketStatus to = holder != null ? TicketStatus.IN_PROCESS : TicketStatus.PENDING;
        work.tickets.reopen(ticket.id(), to.db(), holder, work.now());
        work.audit.transition(ticket.id(), command.actorId(), EventType.REOPENED, TicketStatus.DONE, to,
                command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.toRequester(after, NotificationKind.REOPENED, command.actorId());
        if (holder != null) {
            work.announcements.toHolder(after, holder, NotificationKind.REOPENED, command.actorId());
        }
        return new ChangeResult.Changed(after);
    }
}
