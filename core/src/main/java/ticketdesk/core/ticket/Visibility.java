package ticketdesk.core.ticket;

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
}
