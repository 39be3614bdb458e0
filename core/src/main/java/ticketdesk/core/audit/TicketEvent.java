package ticketdesk.core.audit;

import java.time.LocalDateTime;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.TicketStatus;

/** One row of a ticket's append-only history: who did what, from which status to which, from where, when. */
public record TicketEvent(
        long id,
        long ticketId,
        Long actorId,
        EventType type,
        TicketStatus fromStatus,
        TicketStatus toStatus,
        String field,
        String oldValue,
        String newValue,
        Channel channel,
        LocalDateTime createdAt) {
}
