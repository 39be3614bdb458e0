package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Rule 2: one conditional UPDATE decides the claim, so exactly one claimer wins under any concurrency
 * and across instances. The losers learn who holds the ticket. A click on a ticket that is no longer pending
 * is answered from a plain read and never waits for a row lock: in a storm of twenty clicks per card, most
 * arrive after the winner committed.
 */
@Singleton
public class ClaimingTicket {

    private final TicketWork work;
    private final UserDirectory users;

    ClaimingTicket(TicketWork work, UserDirectory users) {
        this.work = work;
        this.users = users;
    }

    @Transactional
    public ClaimResult claim(ClaimTicket command) {
        Actors.Acting claimer = work.actors.load(command.responderId());
        if (claimer.refused()) {
            return new ClaimResult.Refused(claimer.refusal());
        }
        if (!claimer.user().canWorkTickets()) {
            return new ClaimResult.Refused(Refusal.wrongRole("only responders and admins can claim tickets"));
        }
        Optional<Ticket> seen = work.tickets.findById(command.ticketId()).map(TicketRow::toTicket);
        if (seen.isEmpty()) {
            return new ClaimResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        if (seen.get().status() != TicketStatus.PENDING) {
            // already taken (or closed): the committed row says why, without queueing for the winner's lock
            return answer(seen.get(), command);
        }
        if (work.tickets.claim(command.ticketId(), command.responderId(), work.now()) == 1) {
            Ticket ticket = work.reload(command.ticketId());
            work.audit.transition(ticket.id(), command.responderId(), EventType.CLAIMED, TicketStatus.PENDING,
                    TicketStatus.IN_PROCESS, command.channel());
            work.announcements.toRequester(ticket, NotificationKind.CLAIMED, command.responderId());
            return new ClaimResult.Claimed(ticket);
        }
        return whyNot(command);
    }

    private ClaimResult whyNot(ClaimTicket command) {
        // a locking read sees the winner's committed row whatever the isolation level's snapshot says
        Optional<Ticket> found = work.tickets.lockById(command.ticketId()).map(TicketRow::toTicket);
        if (found.isEmpty()) {
            return new ClaimResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
        }
        return answer(found.get(), command);
    }

    /** Why this responder does not hold {@code ticket}: they declined it, someone holds it, or it is closed. */
    private ClaimResult answer(Ticket ticket, ClaimTicket command) {
        if (work.tickets.declinedCount(ticket.id(), command.responderId()) > 0) {
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
