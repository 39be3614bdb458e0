package ticketdesk.admin.api.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import ticketdesk.admin.api.Times;
import ticketdesk.admin.users.UserSummary;
import ticketdesk.core.user.User;

/** A user as the API shows it to admins; times only in the single-user answer. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record UserView(long id, String displayName, String email, String phone, String role, String profession,
                       String organization, boolean active, String slackUserId, Instant createdAt,
                       Instant updatedAt) {

    static UserView of(User u, String slackUserId) {
        return new UserView(u.id(), u.displayName(), u.email(), u.phoneE164(), u.role().db(), u.profession(),
                u.organization(), u.active(), slackUserId, Times.of(u.createdAt()), Times.of(u.updatedAt()));
    }

    static UserView of(UserSummary u) {
        return new UserView(u.id(), u.displayName(), u.email(), u.phone(), u.role(), u.profession(), u.organization(),
                u.active(), u.slackId(), null, null);
    }
}
