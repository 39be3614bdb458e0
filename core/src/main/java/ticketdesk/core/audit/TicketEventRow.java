package ticketdesk.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.TicketStatus;

@MappedEntity("ticket_events")
record TicketEventRow(
        @Id @GeneratedValue @Nullable Long id,
        long ticketId,
        @Nullable Long actorId,
        String eventType,
        @Nullable String fromStatus,
        @Nullable String toStatus,
        @Nullable String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        String channel,
        LocalDateTime createdAt) {

    TicketEvent toEvent() {
        return new TicketEvent(id, ticketId, actorId, EventType.fromDb(eventType),
                fromStatus == null ? null : TicketStatus.fromDb(fromStatus),
                toStatus == null ? null : TicketStatus.fromDb(toStatus),
                field, oldValue, newValue, Channel.fromDb(channel), createdAt);
    }
}
