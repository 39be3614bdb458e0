package ticketdesk.core.ticket;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Reads tickets, honouring rule 9 (visibility) wherever a person is asking; a deactivated person
 * sees nothing (rule 8). A read of one statement opens no transaction of its own (see {@link UserDirectory}).
 */
@Singleton
public class TicketQueries {

    private static final int LIST_LIMIT = 200;

    private final TicketRepository tickets;
    private final UserDirectory users;
    private final ClaimSight sight;

    TicketQueries(TicketRepository tickets, UserDirectory users, ClaimSight sight) {
        this.tickets = tickets;
        this.users = users;
        this.sight = sight;
    }

    /** Any ticket, for system code (notifiers, the admin panel); people go through {@link #viewAs}. */
    public Optional<Ticket> byId(long ticketId) {
        return tickets.findById(ticketId).map(TicketRow::toTicket);
    }

    /** The ticket if {@code viewerId} may see it; empty when it does not exist or is hidden from them. */
    @ReadOnly
    public Optional<Ticket> viewAs(long viewerId, long ticketId) {
        Optional<User> viewer = users.byId(viewerId);
        Optional<Ticket> ticket = byId(ticketId);
        if (viewer.isEmpty() || !viewer.get().active() || ticket.isEmpty()) {
            return Optional.empty();
        }
        return Visibility.canSee(viewer.get(), ticket.get(), hasDeclined(viewerId, ticketId)) ? ticket : Optional.empty();
    }

    /** What a person's "my tickets" list shows: held and pool for responders, own for employees, all for admins. */
    @ReadOnly
    public List<Ticket> visibleTo(long viewerId) {
        User viewer = users.byId(viewerId).orElse(null);
        if (viewer == null || !viewer.active()) {
            return List.of();
        }
        if (viewer.role() == Role.ADMIN) {
            return map(tickets.latest(LIST_LIMIT));
        }
        List<Ticket> result = new ArrayList<>();
        if (viewer.role() == Role.RESPONDER) {
            result.addAll(map(tickets.heldBy(viewerId)));
            result.addAll(map(tickets.poolFor(viewerId, LIST_LIMIT)));
        }
        for (Ticket own : map(tickets.requestedBy(viewerId, LIST_LIMIT))) {
            if (result.stream().noneMatch(t -> t.id() == own.id())) {
                result.add(own);
            }
        }
        return result;
    }

    /** Pending tickets this responder has not declined, oldest first. */
    public List<Ticket> poolFor(long responderId) {
        return map(tickets.poolFor(responderId, LIST_LIMIT));
    }

    public List<Ticket> heldBy(long responderId) {
        return map(tickets.heldBy(responderId));
    }

    public List<Ticket> requestedBy(long requesterId) {
        return map(tickets.requestedBy(requesterId, LIST_LIMIT));
    }

    /**
     * Whether a claim by this person would succeed now, decided as {@link ClaimingTicket} decides it (pending,
     * an active responder or admin, not declined), from the same single read: for offering a Claim button or link.
     */
    public boolean claimableBy(long userId, long ticketId) {
        return ClaimingTicket.settled(ticketId, userId, sight.look(ticketId, userId)).isEmpty();
    }

    public boolean hasDeclined(long responderId, long ticketId) {
        return tickets.declinedCount(ticketId, responderId) > 0;
    }

    private static List<Ticket> map(List<TicketRow> rows) {
        return rows.stream().map(TicketRow::toTicket).toList();
    }
}
