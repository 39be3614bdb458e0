package ticketdesk.bot.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("slack_message_posts")
record SlackMessagePostRow(@Id Long messageId, String channel, String ts, LocalDateTime createdAt) {
}
