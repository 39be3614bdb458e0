package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;

/** An admin's edit of a user: every field is replaced by what is given (null or blank clears it). */
public record UserChanges(
        long userId,
        String displayName,
        @Nullable String email,
        @Nullable String phone,
        Role role,
        @Nullable String profession,
        @Nullable String organization,
        @Nullable String slackUserId) {
}
