package ticketdesk.core.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import ticketdesk.core.audit.EventType;

@MappedEntity("webhook_endpoints")
record WebhookEndpointRow(
        @Id @GeneratedValue @Nullable Long id,
        String url,
        String secret,
        String eventTypes,
        @MappedProperty("is_active") boolean active,
        @Nullable Long createdBy,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    WebhookEndpoint toEndpoint() {
        return new WebhookEndpoint(id, url, types(eventTypes), active, createdAt, updatedAt);
    }

    /** The stored list; a type this version does not know (written by a newer one) is left out. */
    static Set<EventType> types(String stored) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(t -> {
            try {
                types.add(EventType.fromDb(t));
            } catch (IllegalArgumentException unknown) {
                // still wanted by the endpoint; this version never writes such an event
            }
        });
        return types;
    }

    static String stored(Set<EventType> types) {
        return types.stream().map(EventType::db).sorted().collect(Collectors.joining(","));
    }
}
