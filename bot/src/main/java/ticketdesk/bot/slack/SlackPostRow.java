package ticketdesk.bot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("slack_ticket_posts")
record SlackPostRow(
        @Id Long ticketId,
        String channel,
        @Nullable String ts,
        @Nullable LocalDateTime postingSince,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {
}
