package ticketdesk.core.ticket;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.UserDirectory;

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
    /** How long a click waits for another click's claim of the same ticket before it looks again. */
    private static final long TURN_SECONDS = 10;

    private final TicketWork work;
    private final ClaimSight sight;
    private final TransactionOperations<Connection> transactions;
    private final UserDirectory users;
    /** The claims running in this instance, by ticket: at most one UPDATE per ticket at a time from here. */
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    ClaimingTicket(TicketWork work, ClaimSight sight, TransactionOperations<Connection> transactions,
                   UserDirectory users) {
        this.work = work;
        this.sight = sight;
        this.transactions = transactions;
        this.users = users;
    }

    public ClaimResult claim(ClaimTicket command) {
        for (int tries = 0; ; tries++) {
            // after a lost race this read follows the loser's transaction (or the claim it waited for), so it
            // sees the winner's commit whatever the isolation level
            Optional<ClaimResult> settled = settled(command.ticketId(), command.responderId(),
                    sight.look(command.ticketId(), command.responderId()));
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
                awaitTurn(running);
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

    /** A claim stuck in the database does not hold the others for longer than a lock wait would. */
    private static void awaitTurn(CompletableFuture<Void> running) {
        try {
            running.get(TURN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // look again either way; a claim of our own then queues in the database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another claim of the ticket ran", e);
        }
    }

    /**
     * The claim's transaction: the claimed ticket, a refusal, or empty when the UPDATE did not win. The
     * claimer's row is locked first, so a deactivation running at the same moment either finishes before
     * (and the claim is refused) or waits for the claim (and then returns the ticket to the pool).
     */
    private Optional<ClaimResult> claimPending(ClaimTicket command) {
        Optional<ClaimResult> refused = refusal(Actors.of(command.responderId(),
                users.lockedById(command.responderId()).orElse(null)));
        if (refused.isPresent()) {
            return refused;
        }
        if (work.tickets.claim(command.ticketId(), command.responderId(), work.now()) != 1) {
            return Optional.empty();
        }
        Ticket ticket = work.reload(command.ticketId());
        work.audit.transition(ticket.id(), command.responderId(), EventType.CLAIMED, TicketStatus.PENDING,
                TicketStatus.IN_PROCESS, command.channel());
        work.announcements.toRequester(ticket, NotificationKind.CLAIMED, command.responderId());
        work.timings.claimed(ticket);
        return Optional.of(new ClaimResult.Claimed(ticket));
    }

    /** The refusal when the claimer is unknown, deactivated, or neither a responder nor an admin. */
    private static Optional<ClaimResult> refusal(Actors.Acting claimer) {
        if (claimer.refused()) {
            return Optional.of(new ClaimResult.Refused(claimer.refusal()));
        }
        if (!claimer.user().canWorkTickets()) {
            return Optional.of(new ClaimResult.Refused(
                    Refusal.wrongRole("only responders and admins can claim tickets")));
        }
        return Optional.empty();
    }

    /**
     * The answer when what the claimer sees settles it: they may not claim, the ticket is unknown, or it is
     * not theirs to take (declined, held, closed). Empty when the ticket is pending for them, which is also
     * when {@link TicketQueries#claimableBy} offers them a Claim button or link.
     */
    static Optional<ClaimResult> settled(long ticketId, long claimerId, ClaimSight.Seen seen) {
        Optional<ClaimResult> refused = refusal(Actors.of(claimerId, seen.claimer()));
        if (refused.isPresent()) {
            return refused;
        }
        Ticket ticket = seen.ticket();
        if (ticket == null) {
            return Optional.of(new ClaimResult.Refused(Refusal.notFound("ticket #" + ticketId)));
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
