package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;

/** What a chat platform tells of a person seen for the first time; either may be unknown. */
public record ChatProfile(@Nullable String displayName, @Nullable String email) {
}
