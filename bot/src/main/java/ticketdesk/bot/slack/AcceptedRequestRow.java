package ticketdesk.bot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code slack_accepted_requests}, whose key is (signed_at, request_key): read only by its own queries. */
@MappedEntity("slack_accepted_requests")
record AcceptedRequestRow(
        long signedAt,
        @Id byte[] requestKey,
        @Nullable Integer statusCode,
        @Nullable String contentType,
        @Nullable String body) {
}
