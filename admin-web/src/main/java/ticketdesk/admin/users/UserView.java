package ticketdesk.admin.users;

import ticketdesk.admin.web.Formats;
import ticketdesk.admin.web.Phones;
import ticketdesk.core.user.User;

/** The header of a user's page; the phone written for people, with its {@code tel:} link. */
record UserView(long id, String displayName, String role, boolean active, String createdAt, String updatedAt,
                String phone, String phoneLink) {

    static UserView of(User user) {
        return new UserView(user.id(), user.displayName(), user.role().db(), user.active(),
                Formats.time(user.createdAt()), Formats.time(user.updatedAt()),
                user.phoneE164() == null ? null : Phones.forPeople(user.phoneE164()), Phones.link(user.phoneE164()));
    }
}
