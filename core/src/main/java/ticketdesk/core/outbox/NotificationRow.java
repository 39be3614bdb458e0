package ticketdesk.core.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("notifications")
record NotificationRow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long ticketId,
        @Nullable Long recipientUserId,
        String channel,
        String kind,
        String payload,
        String status,
        int attempts,
        LocalDateTime nextAttemptAt,
        @Nullable String lastError,
        @Nullable LocalDateTime sentAt,
        LocalDateTime createdAt) {
}
