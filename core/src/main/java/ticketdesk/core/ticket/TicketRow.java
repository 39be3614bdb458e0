package ticketdesk.core.ticket;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("tickets")
record TicketRow(
        @Id @GeneratedValue @Nullable Long id,
        String title,
        @Nullable String description,
        String priority,
        @Nullable String category,
        String status,
        long requesterId,
        @Nullable Long responderId,
        String source,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable LocalDateTime claimedAt,
        @Nullable LocalDateTime completedAt) {

    Ticket toTicket() {
        return new Ticket(id, title, description, Priority.fromDb(priority), category, TicketStatus.fromDb(status),
                requesterId, responderId, Source.fromDb(source), createdAt, updatedAt, claimedAt, completedAt);
    }
}
