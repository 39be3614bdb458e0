package ticketdesk.admin.users;

import ticketdesk.admin.web.Formats;
import ticketdesk.core.user.User;

/** The header of a user's page. */
record UserView(long id, String displayName, String role, boolean active, String createdAt, String updatedAt) {

    static UserView of(User user) {
        return new UserView(user.id(), user.displayName(), user.role().db(), user.active(),
                Formats.time(user.createdAt()), Formats.time(user.updatedAt()));
    }
}
