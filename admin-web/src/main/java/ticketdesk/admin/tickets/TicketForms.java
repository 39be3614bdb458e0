package ticketdesk.admin.tickets;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import ticketdesk.core.ticket.Priority;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketStatus;
import ticketdesk.core.user.User;

/**
 * The forms a ticket's page offers the signed-in admin: those that make sense for the ticket's status and for who
 * holds it. Core decides every post again, so a page that went stale meanwhile gets core's refusal.
 *
 * @param handOver "Assign to" for a pending ticket, "Hand over to" for a claimed one; null when neither applies
 * @param receivers whom the ticket can be given to (core's hand-over candidates), the admin left for Take over
 * @param noteKey the id of this rendering of the note form, so a note posted twice is stored once
 */
record TicketForms(boolean claim, boolean takeOver, boolean release, boolean resolve, boolean reopen, boolean cancel,
                   String handOver, List<Receiver> receivers, List<String> priorities, String noteKey) {

    record Receiver(long id, String name, String role) {
    }

    private static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::db).toList();

    /**
     * @param candidates {@link ticketdesk.core.user.UserDirectory#handOverCandidates} of the ticket
     * @param claimable {@link ticketdesk.core.ticket.TicketQueries#claimableBy} the admin
     */
    static TicketForms of(Ticket ticket, long adminId, List<User> candidates, boolean claimable) {
        TicketStatus status = ticket.status();
        boolean inProcess = status == TicketStatus.IN_PROCESS;
        List<Receiver> receivers = candidates.stream().filter(u -> u.id() != adminId)
                .map(u -> new Receiver(u.id(), u.displayName(), u.role().db())).toList();
        String handOver = status == TicketStatus.PENDING ? "Assign to" : inProcess ? "Hand over to" : null;
        boolean takeOver = inProcess && !ticket.isHeldBy(adminId)
                && candidates.stream().anyMatch(u -> u.id() == adminId);
        return new TicketForms(claimable, takeOver, inProcess, inProcess, status == TicketStatus.DONE,
                status.isOpen(), receivers.isEmpty() ? null : handOver, receivers, PRIORITIES,
                UUID.randomUUID().toString());
    }
}
