package ticketdesk.core.user;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Looks users up: by id, by email, by chat identity, by role. */
@Singleton
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    @ReadOnly
    public Optional<User> byId(long id) {
        return users.findById(id).map(UserRow::toUser);
    }

    @ReadOnly
    public Optional<User> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(UserRow::toUser);
    }

    @ReadOnly
    public Optional<User> byIdentity(Platform platform, String externalId) {
        return users.findByIdentity(platform.db(), externalId).map(UserRow::toUser);
    }

    /** The user's id on a chat platform (their Slack user id), if linked. */
    @ReadOnly
    public Optional<String> identityOf(long userId, Platform platform) {
        return users.findExternalId(userId, platform.db());
    }

    @ReadOnly
    public List<User> activeWithRole(Role role) {
        return users.findActiveByRole(role.db()).stream().map(UserRow::toUser).toList();
    }

    /** Active users of a role who have an email address and no identity on the platform: one query. */
    @ReadOnly
    public List<User> activeWithRoleReachedOnlyByEmail(Role role, Platform platform) {
        return users.findActiveByRoleWithEmailAndNoIdentity(role.db(), platform.db()).stream()
                .map(UserRow::toUser).toList();
    }

    /** The stored password hash of an admin, for the panel's login. */
    @ReadOnly
    public Optional<String> passwordHashOf(long userId) {
        return users.findById(userId).map(UserRow::passwordHash);
    }

    @ReadOnly
    public boolean anyActiveAdmin() {
        return users.countActiveAdmins() > 0;
    }
}
