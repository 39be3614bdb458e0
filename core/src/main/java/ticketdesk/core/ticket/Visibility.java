package ticketdesk.core.ticket;

import java.util.List;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * Rule 9: employees see their own tickets; responders see the pool (minus what they declined),
 * what they hold and what they asked for; admins see everything.
 */
public final class Visibility {

    private Visibility() {
    }

    public static boolean canSee(User viewer, Ticket ticket, boolean declinedByViewer) {
        if (viewer.role() == Role.ADMIN) {
            return true;
        }
        if (ticket.requesterId() == viewer.id()) {
            return true;
        }
        if (viewer.role() != Role.RESPONDER || declinedByViewer) {
            return false;
        }
        return ticket.isHeldBy(viewer.id()) || ticket.status() == TicketStatus.PENDING;
    }

    /** Rule 14: internal notes are for responders and admins, never for an employee (a requester). */
    public static boolean canSeeNotes(User viewer) {
        return viewer.canWorkTickets();
    }

    /**
     * {@link #canSee} as a SQL condition on the tickets table aliased {@code t}, with its arguments, for lists that
     * filter and page in SQL: the same rule, asked of every row at once. A deactivated viewer sees nothing.
     */
    public static Condition condition(User viewer) {
        if (!viewer.active()) {
            return new Condition("1 = 0", List.of());
        }
        if (viewer.role() == Role.ADMIN) {
            return new Condition("1 = 1", List.of());
        }
        if (viewer.role() != Role.RESPONDER) {
            return new Condition("t.requester_id = ?", List.of(viewer.id()));
        }
        return new Condition("(t.requester_id = ? OR (NOT EXISTS (SELECT 1 FROM ticket_responder_log l"
                + " WHERE l.ticket_id = t.id AND l.responder_id = ?) AND (t.responder_id = ? OR t.status = '"
                + TicketStatus.PENDING.db() + "')))", List.of(viewer.id(), viewer.id(), viewer.id()));
    }

    /** A SQL condition and the values of its {@code ?} marks, in order. */
    public record Condition(String sql, List<Object> args) {
    }
}
