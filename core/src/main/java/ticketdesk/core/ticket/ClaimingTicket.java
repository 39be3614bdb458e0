package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Rule 2: one conditional UPDATE decides the claim, so exactly one claimer wins under any concurrency
 * and across instances. The losers learn who holds the ticket.
 */
@Singleton
public class ClaimingTicket {

    private final TicketRepository tickets;
    private final Actors actors;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Announcements announcements;
    private final Times times;

    ClaimingTicket(TicketRepository tickets, Actors actors, UserDirectory users, AuditLog audit,
                   Announcements announcements, Times times) {
        this.tickets = tickets;
        this.actors = actors;
        this.users = users;
        this.audit = audit;
        this.announcements = announcements;
        this.times = times;
    }

    @Transactional
    public ClaimResult claim(ClaimTicket command) {
        Actors.Acting claimer = actors.load(command.responderId());
        if (claimer.refused()) {
            return new ClaimResult.Refused(claimer.refusal());
        }
        if (!claimer.user().canWorkTickets()) {
            return new ClaimResult.Refused(Refusal.wrongRole("only responders and admins can claim tickets"));
        }
        if (tickets.claim(command.ticketId(), command.responderId(), times.now()) == 1) {
            Ticket ticket = tickets.findById(command.ticketId()).orElseThrow().toTicket();
            audit.transition(ticket.id(), command.responderId(), EventType.CLAIMED, TicketStatus.PENDING,
                    TicketStatus.IN_PROCESS, command.channel());
            announcements.toRequester(ticket, NotificationKind.CLAIMED, command.responderId());
            return new ClaimResult.Claimed(ticket);
        }
        return whyNot(command);
    }

    private ClaimResult whyNot(ClaimTicket command) {
        Optional<Ticket> found = tickets.findById(command.ticketId()).map(TicketRow::toTicket);
        if (found.isEmpty()) {
            return new ClaimResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        Ticket ticket = found.get();
        if (tickets.declinedCount(ticket.id(), command.responderId()) > 0) {
            return new ClaimResult.Refused(new Refusal(Refusal.Reason.DECLINED,
                    "you declined ticket #" + ticket.id() + ", so you cannot claim it"));
        }
        if (ticket.status() == TicketStatus.IN_PROCESS && ticket.responderId() != null) {
            Optional<User> holder = users.byId(ticket.responderId());
            if (holder.isPresent()) {
                return new ClaimResult.AlreadyClaimed(ticket, holder.get());
            }
        }
        return new ClaimResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is "
                + ticket.status().db().replace('_', ' ') + " and cannot be claimed"));
    }
}
