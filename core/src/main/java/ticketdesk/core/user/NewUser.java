package ticketdesk.core.user;

import io.micronaut.core.annotation.Nullable;

/** What an admin (or the bootstrap) types to create a user. Phone is free text; core normalises it. */
public record NewUser(
        String displayName,
        @Nullable String email,
        @Nullable String phone,
        Role role,
        @Nullable String profession,
        @Nullable String organization,
        @Nullable String slackUserId,
        @Nullable String password) {

    public static NewUser of(String displayName, String email, Role role) {
        return new NewUser(displayName, email, null, role, null, null, null, null);
    }
}
