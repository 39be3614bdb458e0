package ticketdesk.admin.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
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
        if (role == null) {
            return Optional.empty();
        }
        for (Role r : Role.values()) {
            if (r.db().equals(role.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
