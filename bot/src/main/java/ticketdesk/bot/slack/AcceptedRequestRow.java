package ticketdesk.bot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("slack_accepted_requests")
record AcceptedRequestRow(
        @Id String requestKey,
        @Nullable Integer statusCode,
        @Nullable String contentType,
        @Nullable String body,
        LocalDateTime expiresAt) {
}
