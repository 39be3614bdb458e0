package ticketdesk.core.webhook;

import java.time.LocalDateTime;
import java.util.Set;
import ticketdesk.core.audit.EventType;

/** Where audit events are delivered: its URL, the event types it wants (empty: every type), whether it is on. */
public record WebhookEndpoint(long id, String url, Set<EventType> eventTypes, boolean active, LocalDateTime createdAt,
                              LocalDateTime updatedAt) {

    public boolean wants(EventType type) {
        return active && (eventTypes.isEmpty() || eventTypes.contains(type));
    }
}
