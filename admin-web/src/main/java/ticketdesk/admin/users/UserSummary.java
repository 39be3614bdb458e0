package ticketdesk.admin.users;

/** One line of the users list. */
public record UserSummary(long id, String displayName, String email, String phone, String role, String profession,
                          String organization, boolean active, String slackId, long ticketsHeld) {
}
