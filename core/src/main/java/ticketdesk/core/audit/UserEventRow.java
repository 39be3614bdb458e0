package ticketdesk.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("user_events")
record UserEventRow(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        @Nullable Long actorId,
        String eventType,
        @Nullable String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        String channel,
        @Nullable String address,
        LocalDateTime createdAt) {
}
