package ticketdesk.admin.api.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import ticketdesk.core.user.Role;

/** A user's fields as a client sends them, to create one or to replace all of an existing one's. */
@Serdeable
public record UserInput(@Nullable String displayName, @Nullable String email, @Nullable String phone,
                        @Nullable String role, @Nullable String profession, @Nullable String organization,
                        @Nullable String slackUserId) {

    Optional<Role> parsedRole() {
        try {
            return role == null ? Optional.empty() : Optional.of(Role.fromDb(role));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
