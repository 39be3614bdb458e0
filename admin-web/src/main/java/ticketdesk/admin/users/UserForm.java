package ticketdesk.admin.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** The user form as posted; core validates and normalises every field. */
@Serdeable
record UserForm(@Nullable String displayName, @Nullable String email, @Nullable String phone, @Nullable String role,
                @Nullable String profession, @Nullable String organization, @Nullable String slackUserId,
                @Nullable String password) {

    static UserForm blank() {
        return new UserForm("", "", "", Role.EMPLOYEE.db(), "", "", "", "");
    }

    static UserForm of(User user, String slackUserId) {
        return new UserForm(user.displayName(), user.email(), user.phoneE164(), user.role().db(), user.profession(),
                user.organization(), slackUserId, "");
    }

    Optional<Role> parsedRole() {
        try {
            return role == null ? Optional.empty() : Optional.of(Role.fromDb(role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
