package ticketdesk.core.ticket;

import java.time.LocalDateTime;

/** A ticket as the rest of the system reads it. */
public record Ticket(
        long id,
        String title,
        String description,
        Priority priority,
        String category,
        TicketStatus status,
        long requesterId,
        Long responderId,
        Source source,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime claimedAt,
        LocalDateTime completedAt) {

    public boolean isHeldBy(long userId) {
        return responderId != null && responderId == userId;
    }
}
