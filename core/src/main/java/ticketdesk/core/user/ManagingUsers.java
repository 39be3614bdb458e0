package ticketdesk.core.user;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ticketdesk.core.Refusal;
import ticketdesk.core.Times;

/** Creates and edits users, links chat identities and sets admin passwords. */
@Singleton
public class ManagingUsers {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLACK_ID = Pattern.compile("^[A-Z0-9]{2,64}$");

    private final UserRepository users;
    private final PhoneNumbers phones;
    private final Passwords passwords;
    private final Times times;

    ManagingUsers(UserRepository users, PhoneNumbers phones, Passwords passwords, Times times) {
        this.users = users;
        this.phones = phones;
        this.passwords = passwords;
        this.times = times;
    }

    @Transactional
    public UserResult create(NewUser user) {
        Fields fields = validate(user.displayName(), user.email(), user.phone(), user.role(), user.profession(),
                user.organization(), user.slackUserId(), null);
        if (fields.refusal != null) {
            return new UserResult.Refused(fields.refusal);
        }
        String hash = user.password() == null || user.password().isEmpty() ? null : passwords.hash(user.password());
        var now = times.now();
        UserRow saved = users.save(new UserRow(null, fields.displayName, fields.email, fields.phone, user.role().db(),
                fields.profession, fields.organization, true, hash, now, now));
        linkSlack(saved.id(), fields.slackUserId);
        return new UserResult.Saved(saved.toUser());
    }

    @Transactional
    public UserResult update(UserChanges change) {
        Optional<UserRow> existing = users.findById(change.userId());
        if (existing.isEmpty()) {
            return new UserResult.Refused(Refusal.notFound("user #" + change.userId()));
        }
        Fields fields = validate(change.displayName(), change.email(), change.phone(), change.role(),
                change.profession(), change.organization(), change.slackUserId(), change.userId());
        if (fields.refusal != null) {
            return new UserResult.Refused(fields.refusal);
        }
        UserRow old = existing.get();
        UserRow updated = users.update(new UserRow(old.id(), fields.displayName, fields.email, fields.phone,
                change.role().db(), fields.profession, fields.organization, old.active(), old.passwordHash(),
                old.createdAt(), times.now()));
        users.deleteIdentity(old.id(), Platform.SLACK.db());
        linkSlack(old.id(), fields.slackUserId);
        return new UserResult.Saved(updated.toUser());
    }

    /**
     * The user behind a chat identity, created as an active employee on first use. Only an admin makes
     * someone a responder. A known email links the identity to the existing user instead.
     */
    @Transactional
    public User chatUser(Platform platform, String externalId, String displayName, String email) {
        Optional<UserRow> known = users.findByIdentity(platform.db(), externalId);
        if (known.isPresent()) {
            return known.get().toUser();
        }
        String normalisedEmail = email == null || !EMAIL.matcher(email.trim()).matches()
                ? null : email.trim().toLowerCase(Locale.ROOT);
        UserRow row = normalisedEmail == null ? null : users.findByEmail(normalisedEmail).orElse(null);
        if (row == null) {
            var now = times.now();
            String name = displayName == null || displayName.isBlank() ? externalId : truncate(displayName.trim(), 200);
            row = users.save(new UserRow(null, name, normalisedEmail, null, Role.EMPLOYEE.db(), null, null, true, null,
                    now, now));
        }
        users.insertIdentity(platform.db(), externalId, row.id(), times.now());
        return row.toUser();
    }

    @Transactional
    public void setPassword(long userId, String password) {
        users.findById(userId).ifPresent(row -> users.update(new UserRow(row.id(), row.displayName(), row.email(),
                row.phoneE164(), row.role(), row.profession(), row.organization(), row.active(),
                passwords.hash(password), row.createdAt(), times.now())));
    }

    private void linkSlack(long userId, String slackUserId) {
        if (slackUserId != null) {
            users.insertIdentity(Platform.SLACK.db(), slackUserId, userId, times.now());
        }
    }

    private Fields validate(String displayName, String email, String phone, Role role, String profession,
                            String organization, String slackUserId, Long selfId) {
        Fields f = new Fields();
        f.displayName = displayName == null ? "" : displayName.trim();
        if (f.displayName.isEmpty() || f.displayName.length() > 200) {
            return f.refuse("display name must be 1 to 200 characters");
        }
        if (role == null) {
            return f.refuse("role is required (employee, responder or admin)");
        }
        f.email = blankToNull(email);
        if (f.email != null) {
            f.email = f.email.toLowerCase(Locale.ROOT);
            if (f.email.length() > 320 || !EMAIL.matcher(f.email).matches()) {
                return f.refuse("'" + truncate(email, 80) + "' is not an email address");
            }
            Optional<UserRow> owner = users.findByEmail(f.email);
            if (owner.isPresent() && !owner.get().id().equals(selfId)) {
                return f.refuse("another user already has the email " + f.email);
            }
        }
        String rawPhone = blankToNull(phone);
        if (rawPhone != null) {
            f.phone = phones.toE164(rawPhone).orElse(null);
            if (f.phone == null) {
                return f.refuse("'" + truncate(rawPhone, 40) + "' is not a valid phone number;"
                        + " use the international form, like +14155552671");
            }
        }
        f.profession = blankToNull(profession);
        f.organization = blankToNull(organization);
        if ((f.profession != null && f.profession.length() > 200)
                || (f.organization != null && f.organization.length() > 200)) {
            return f.refuse("profession and organization must be at most 200 characters");
        }
        f.slackUserId = blankToNull(slackUserId);
        if (f.slackUserId != null) {
            f.slackUserId = f.slackUserId.toUpperCase(Locale.ROOT);
            if (!SLACK_ID.matcher(f.slackUserId).matches()) {
                return f.refuse("'" + truncate(slackUserId, 80) + "' is not a Slack user id (like U0123ABCD)");
            }
            Optional<UserRow> owner = users.findByIdentity(Platform.SLACK.db(), f.slackUserId);
            if (owner.isPresent() && !owner.get().id().equals(selfId)) {
                return f.refuse("Slack user " + f.slackUserId + " is already linked to " + owner.get().displayName());
            }
        }
        return f;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static final class Fields {
        String displayName;
        String email;
        String phone;
        String profession;
        String organization;
        String slackUserId;
        Refusal refusal;

        Fields refuse(String message) {
            refusal = Refusal.invalid(message);
            return this;
        }
    }
}
