package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Rule 2: one conditional UPDATE decides the claim, so exactly one claimer wins under any concurrency
 * and across instances. The losers learn who holds the ticket. A click that cannot win (the ticket is no
 * longer pending, the claimer declined it or may not claim) is answered from one plain read, with no
 * transaction and no row lock: in a storm of twenty clicks per card, most arrive after the winner committed.
 */
@Singleton
public class ClaimingTicket {

    private final TicketWork work;
    private final ClaimSight sight;
    private final UserDirectory users;
    private final TransactionOperations<Connection> transactions;

    ClaimingTicket(TicketWork work, ClaimSight sight, UserDirectory users,
                   TransactionOperations<Connection> transactions) {
        this.work = work;
        this.sight = sight;
        this.users = users;
        this.transactions = transactions;
    }

    public ClaimResult claim(ClaimTicket command) {
        ClaimSight.Seen seen = sight.look(command.ticketId(), command.responderId());
        Optional<ClaimResult> refused = refused(Actors.of(command.responderId(), seen.claimer()));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (seen.ticket() == null) {
            return notFound(command);
        }
        if (seen.ticket().status() != TicketStatus.PENDING || seen.declined()) {
            return answer(seen.ticket(), seen.declined(), seen.holder());
        }
        return transactions.executeWrite(status -> claimPending(command));
    }

    private ClaimResult claimPending(ClaimTicket command) {
        Optional<ClaimResult> refused = refused(work.actors.load(command.responderId()));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (work.tickets.claim(command.ticketId(), command.responderId(), work.now()) == 1) {
            Ticket ticket = work.reload(command.ticketId());
            work.audit.transition(ticket.id(), command.responderId(), EventType.CLAIMED, TicketStatus.PENDING,
                    TicketStatus.IN_PROCESS, command.channel());
            work.announcements.toRequester(ticket, NotificationKind.CLAIMED, command.responderId());
            return new ClaimResult.Claimed(ticket);
        }
        // lost the race: a locking read sees the winner's committed row whatever the isolation level's snapshot says
        Optional<Ticket> found = work.tickets.lockById(command.ticketId()).map(TicketRow::toTicket);
        if (found.isEmpty()) {
            return notFound(command);
        }
        Ticket ticket = found.get();
        return answer(ticket, work.tickets.declinedCount(ticket.id(), command.responderId()) > 0,
                ticket.responderId() == null ? null : users.byId(ticket.responderId()).orElse(null));
    }

    private static Optional<ClaimResult> refused(Actors.Acting claimer) {
        if (claimer.refused()) {
            return Optional.of(new ClaimResult.Refused(claimer.refusal()));
        }
        if (!claimer.user().canWorkTickets()) {
            return Optional.of(new ClaimResult.Refused(
                    Refusal.wrongRole("only responders and admins can claim tickets")));
        }
        return Optional.empty();
    }

    /** Why this responder does not hold {@code ticket}: they declined it, someone holds it, or it is closed. */
    private static ClaimResult answer(Ticket ticket, boolean declined, User holder) {
        if (declined) {
            return new ClaimResult.Refused(new Refusal(Refusal.Reason.DECLINED,
                    "you declined ticket #" + ticket.id() + ", so you cannot claim it"));
        }
        if (ticket.status() == TicketStatus.IN_PROCESS && holder != null) {
            return new ClaimResult.AlreadyClaimed(ticket, holder);
        }
        return new ClaimResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is "
                + ticket.status().db().replace('_', ' ') + " and cannot be claimed"));
    }

    private static ClaimResult notFound(ClaimTicket command) {
        return new ClaimResult.Refused(Refusal.notFound("ticket #" + command.ticketId()));
    }
}
