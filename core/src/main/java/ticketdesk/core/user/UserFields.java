package ticketdesk.core.user;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ticketdesk.core.Refusal;

/** What an admin typed for a user, checked and normalised: trimmed, lower-case email, E.164 phone. */
final class UserFields {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLACK_ID = Pattern.compile("^[A-Z0-9]{2,64}$");

    String displayName;
    String email;
    String phone;
    String profession;
    String organization;
    String slackUserId;
    Refusal refusal;

    private UserFields refuse(String field, String message) {
        refusal = Refusal.invalid(field, message);
        return this;
    }

    static String emailOrNull(String email) {
        return email == null || !EMAIL.matcher(email.trim()).matches() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Checks input against the rules and against the other users (unique email, Slack id). */
    static final class Input {

        private final UserRepository users;
        private final PhoneNumbers phones;

        Input(UserRepository users, PhoneNumbers phones) {
            this.users = users;
            this.phones = phones;
        }

        UserFields validate(String displayName, String email, String phone, Role role, String profession,
                            String organization, String slackUserId, Long selfId) {
            UserFields f = new UserFields();
            f.displayName = displayName == null ? "" : displayName.trim();
            if (f.displayName.isEmpty() || f.displayName.length() > 200) {
                return f.refuse("displayName", "display name must be 1 to 200 characters");
            }
            if (role == null) {
                return f.refuse("role", "role is required (employee, responder or admin)");
            }
            f.email = blankToNull(email);
            if (f.email != null) {
                f.email = f.email.toLowerCase(Locale.ROOT);
                if (f.email.length() > 320 || !EMAIL.matcher(f.email).matches()) {
                    return f.refuse("email", "'" + truncate(email, 80) + "' is not an email address");
                }
                Optional<UserRow> owner = users.findByEmail(f.email);
                if (owner.isPresent() && !owner.get().id().equals(selfId)) {
                    return f.refuse("email", "another user already has the email " + f.email);
                }
            }
            String rawPhone = blankToNull(phone);
            if (rawPhone != null) {
                f.phone = phones.toE164(rawPhone).orElse(null);
                if (f.phone == null) {
                    return f.refuse("phone", "'" + truncate(rawPhone, 40) + "' is not a valid phone number;"
                            + " use the international form, like +14155552671");
                }
            }
            f.profession = blankToNull(profession);
            f.organization = blankToNull(organization);
            if ((f.profession != null && f.profession.length() > 200)
                    || (f.organization != null && f.organization.length() > 200)) {
                return f.refuse(f.profession != null && f.profession.length() > 200 ? "profession" : "organization",
                        "profession and organization must be at most 200 characters");
            }
            f.slackUserId = blankToNull(slackUserId);
            if (f.slackUserId != null) {
                f.slackUserId = f.slackUserId.toUpperCase(Locale.ROOT);
                if (!SLACK_ID.matcher(f.slackUserId).matches()) {
                    return f.refuse("slackUserId", "'" + truncate(slackUserId, 80)
                            + "' is not a Slack user id (like U0123ABCD)");
                }
                Optional<UserRow> owner = users.findByIdentity(Platform.SLACK.db(), f.slackUserId);
                if (owner.isPresent() && !owner.get().id().equals(selfId)) {
                    return f.refuse("slackUserId", "Slack user " + f.slackUserId + " is already linked to "
                            + owner.get().displayName());
                }
            }
            return f;
        }
    }
}
