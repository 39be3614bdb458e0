package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.ticket.Commands.HandOverTicket;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Rule 13: the holder or an admin gives a claimed ticket to another active responder who has not declined it,
 * by one conditional UPDATE from the holder seen, so a hand-over racing a release, a resolve, a deactivation or
 * another hand-over has exactly one outcome. An admin may also assign a pending ticket, or take a claimed one
 * over for themselves; each is recorded as such. The new holder's row is locked before the ticket's, in the
 * order a claim and a deactivation take them, so none of them can deadlock with another.
 */
@Singleton
public class HandingOverTicket {

    private final TicketWork work;
    private final UserDirectory users;

    HandingOverTicket(TicketWork work, UserDirectory users) {
        this.work = work;
        this.users = users;
    }

    @Transactional
    public ChangeResult handOver(HandOverTicket command) {
        User to = users.lockedById(command.toUserId()).orElse(null);
        TicketWork.Locked locked = work.lock(command.actorId(), command.ticketId());
        if (locked.refused()) {
            return new ChangeResult.Refused(locked.refusal());
        }
        Ticket ticket = locked.ticket();
        Optional<Refusal> refusal = permission(locked.actor(), ticket).or(() -> receiver(to, command, ticket));
        if (refusal.isPresent()) {
            return new ChangeResult.Refused(refusal.get());
        }
        Long from = ticket.responderId();
        int moved = from == null ? work.tickets.claim(ticket.id(), to.id(), work.now())
                : work.tickets.handOver(ticket.id(), from, to.id(), work.now());
        if (moved != 1) {
            return new ChangeResult.Refused(Refusal.illegal("ticket #" + ticket.id()
                    + " changed while you handed it over; please look again"));
        }
        boolean toSelf = to.id() == command.actorId();
        EventType type = from == null ? (toSelf ? EventType.CLAIMED : EventType.ASSIGNED)
                : toSelf ? EventType.TAKEN_OVER : EventType.HANDED_OVER;
        work.audit.write(ticket.id(), command.actorId(), type, ticket.status(), TicketStatus.IN_PROCESS,
                "responder_id", from == null ? null : from.toString(), Long.toString(to.id()), command.channel());
        Ticket after = work.reload(ticket.id());
        work.announcements.handedOver(after, from, command.actorId());
        if (from == null) {
            work.timings.claimed(after);
        }
        return new ChangeResult.Changed(after);
    }

    private static Optional<Refusal> permission(User actor, Ticket ticket) {
        if (ticket.status() == TicketStatus.PENDING) {
            return actor.isAdmin() ? Optional.empty() : Optional.of(Refusal.notAllowed("ticket #" + ticket.id()
                    + " is not claimed: claim it yourself, or ask an admin to assign it"));
        }
        if (ticket.status() != TicketStatus.IN_PROCESS) {
            return Optional.of(Refusal.illegal("ticket #" + ticket.id() + " is " + ticket.status().db()
                    + " and cannot be handed over"));
        }
        if (!ticket.isHeldBy(actor.id()) && !actor.isAdmin()) {
            return Optional.of(Refusal.notAllowed("only the holder or an admin can hand over ticket #"
                    + ticket.id()));
        }
        return Optional.empty();
    }

    /** Why {@code to} cannot take the ticket: unknown, deactivated, no responder, its holder, or a decliner. */
    private Optional<Refusal> receiver(User to, HandOverTicket command, Ticket ticket) {
        if (to == null) {
            return Optional.of(Refusal.notFound("user #" + command.toUserId()));
        }
        if (!to.active()) {
            return Optional.of(Refusal.notAllowed(to.displayName() + "'s account is deactivated"));
        }
        if (!to.canWorkTickets()) {
            return Optional.of(Refusal.wrongRole(to.displayName() + " is not a responder"));
        }
        if (ticket.isHeldBy(to.id())) {
            return Optional.of(Refusal.illegal("ticket #" + ticket.id() + " is already held by " + to.displayName()));
        }
        if (work.tickets.declinedCount(ticket.id(), to.id()) > 0) {
            return Optional.of(new Refusal(Refusal.Reason.DECLINED, to.displayName() + " declined ticket #"
                    + ticket.id() + ", so it cannot be given to them"));
        }
        return Optional.empty();
    }
}
