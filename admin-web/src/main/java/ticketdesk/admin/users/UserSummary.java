package ticketdesk.admin.users;

import ticketdesk.admin.web.Phones;

/** One line of the users list; {@code phone} is E.164. */
public record UserSummary(long id, String displayName, String email, String phone, String role, String profession,
                          String organization, boolean active, String slackId, long ticketsHeld) {

    public String phoneForPeople() {
        return phone == null ? null : Phones.forPeople(phone);
    }

    public String phoneLink() {
        return Phones.link(phone);
    }
}
