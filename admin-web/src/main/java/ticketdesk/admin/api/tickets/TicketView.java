package ticketdesk.admin.api.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import ticketdesk.admin.api.Times;
import ticketdesk.admin.api.UserRef;
import ticketdesk.core.ticket.Ticket;

/** A ticket as the API shows it; times are UTC instants. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record TicketView(long id, String title, String description, String priority, String category, String status,
                         String source, UserRef requester, UserRef responder, Instant createdAt, Instant updatedAt,
                         Instant claimedAt, Instant completedAt) {

    static TicketView of(Ticket t, Map<Long, String> names) {
        return new TicketView(t.id(), t.title(), t.description(), t.priority().db(), t.category(), t.status().db(),
                t.source().db(), ref(t.requesterId(), names), ref(t.responderId(), names), Times.of(t.createdAt()),
                Times.of(t.updatedAt()), Times.of(t.claimedAt()), Times.of(t.completedAt()));
    }

    static UserRef ref(Long id, Map<Long, String> names) {
        return id == null ? null : new UserRef(id, names.getOrDefault(id, "#" + id));
    }
}
