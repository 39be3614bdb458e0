package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;

/**
 * Rule 2: one conditional UPDATE decides the claim, so exactly one claimer wins under any concurrency
 * and across instances. The losers learn who holds the ticket. A click that cannot win (the ticket is no
 * longer pending, the claimer declined it or may not claim) is answered from one plain read, with no
 * transaction and no row lock: in a storm of twenty clicks per card, most arrive after the winner committed.
 * Clicks on the same pending ticket at the same moment in one instance take turns: the first one's UPDATE runs,
 * the others wait for it and then look again, instead of each queueing for the row lock in a transaction that
 * can only lose. Across instances the row lock still does the queueing.
 */
@Singleton
public class ClaimingTicket {

    /** Claims of a ticket seen pending and lost, yet pending again when looked at (released in between). */
    private static final int TRIES = 3;

    private final TicketWork work;
    private final ClaimSight sight;
    private final TransactionOperations<Connection> transactions;
    /** The claims running in this instance, by ticket: at most one UPDATE per ticket at a time from here. */
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    ClaimingTicket(TicketWork work, ClaimSight sight, TransactionOperations<Connection> transactions) {
        this.work = work;
        this.sight = sight;
        this.transactions = transactions;
    }

    public ClaimResult claim(ClaimTicket command) {
        for (int tries = 0; ; tries++) {
            // after a lost race this read follows the loser's transaction (or the claim it waited for), so it
            // sees the winner's commit whatever the isolation level
            Optional<ClaimResult> settled = settled(command, sight.look(command.ticketId(), command.responderId()));
            if (settled.isPresent()) {
                return settled.get();
            }
            if (tries == TRIES) {
                return new ClaimResult.Refused(Refusal.illegal("ticket #" + command.ticketId()
                        + " changed hands while you claimed it; please try again"));
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> running = inFlight.putIfAbsent(command.ticketId(), mine);
            if (running != null) {
                // a claim of this ticket is running in this instance: its UPDATE decides before ours could,
                // so wait for it and look again rather than queue for its row lock with a transaction of our own
                running.join();
                continue;
            }
            try {
                Optional<ClaimResult> won = transactions.executeWrite(status -> claimPending(command));
                if (won.isPresent()) {
                    return won.get();
                }
            } finally {
                inFlight.remove(command.ticketId(), mine);
                mine.complete(null);
            }
        }
    }

    /** The claim's transaction: the claimed ticket, or empty when the UPDATE did not win. */
    private Optional<ClaimResult> claimPending(ClaimTicket command) {
        if (work.tickets.claim(command.ticketId(), command.responderId(), work.now()) != 1) {
            return Optional.empty();
        }
        Ticket ticket = work.reload(command.ticketId());
        work.audit.transition(ticket.id(), command.responderId(), EventType.CLAIMED, TicketStatus.PENDING,
                TicketStatus.IN_PROCESS, command.channel());
        work.announcements.toRequester(ticket, NotificationKind.CLAIMED, command.responderId());
        return Optional.of(new ClaimResult.Claimed(ticket));
    }

    /**
     * The answer when what the claimer sees settles it: they may not claim, the ticket is unknown, or it is
     * not theirs to take (declined, held, closed). Empty when the ticket is pending for them.
     */
    private static Optional<ClaimResult> settled(ClaimTicket command, ClaimSight.Seen seen) {
        Actors.Acting claimer = Actors.of(command.responderId(), seen.claimer());
        if (claimer.refused()) {
            return Optional.of(new ClaimResult.Refused(claimer.refusal()));
        }
        if (!claimer.user().canWorkTickets()) {
            return Optional.of(new ClaimResult.Refused(
                    Refusal.wrongRole("only responders and admins can claim tickets")));
        }
        Ticket ticket = seen.ticket();
        if (ticket == null) {
            return Optional.of(new ClaimResult.Refused(Refusal.notFound("ticket #" + command.ticketId())));
        }
        if (seen.declined()) {
            return Optional.of(new ClaimResult.Refused(new Refusal(Refusal.Reason.DECLINED,
                    "you declined ticket #" + ticket.id() + ", so you cannot claim it")));
        }
        if (ticket.status() == TicketStatus.PENDING) {
            return Optional.empty();
        }
        if (ticket.status() == TicketStatus.IN_PROCESS && seen.holder() != null) {
            return Optional.of(new ClaimResult.AlreadyClaimed(ticket, seen.holder()));
        }
        return Optional.of(new ClaimResult.Refused(Refusal.illegal("ticket #" + ticket.id() + " is "
                + ticket.status().db().replace('_', ' ') + " and cannot be claimed")));
    }
}
