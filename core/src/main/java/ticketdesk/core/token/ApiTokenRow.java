package ticketdesk.core.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("api_tokens")
record ApiTokenRow(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        long userId,
        String tokenKey,
        String tokenHash,
        @Nullable Long createdBy,
        LocalDateTime createdAt,
        @Nullable LocalDateTime lastUsedAt,
        @Nullable LocalDateTime revokedAt) {

    ApiToken toToken() {
        return new ApiToken(id, name, userId, tokenKey, createdBy, createdAt, lastUsedAt, revokedAt);
    }
}
