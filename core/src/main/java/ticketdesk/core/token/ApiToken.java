package ticketdesk.core.token;

import java.time.LocalDateTime;

/** An API token as the panel lists it: never its secret, which is shown once when it is issued. */
public record ApiToken(long id, String name, long userId, String key, Long createdBy, LocalDateTime createdAt,
                       LocalDateTime lastUsedAt, LocalDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
