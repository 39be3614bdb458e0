package ticketdesk.core.user;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Looks users up: by id, by email, by chat identity, by role. Each lookup is one statement, so none opens a
 * transaction of its own: inside a use case's transaction it reads there, outside it runs on its own. A
 * read-only transaction around a single SELECT cost five more round trips to MySQL (read-only on, autocommit
 * off, commit, and back), and a Slack click looks two or three people up.
 */
@Singleton
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    public Optional<User> byId(long id) {
        return users.findById(id).map(UserRow::toUser);
    }

    /**
     * The user, with their row locked until the caller's transaction ends (so it must run in one): a change
     * that depends on the user staying active cannot interleave with their deactivation.
     */
    public Optional<User> lockedById(long id) {
        return users.lockById(id).map(UserRow::toUser);
    }

    public Optional<User> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(UserRow::toUser);
    }

    public Optional<User> byIdentity(Platform platform, String externalId) {
        return users.findByIdentity(platform.db(), externalId).map(UserRow::toUser);
    }

    /** The user's id on a chat platform (their Slack user id), if linked. */
    public Optional<String> identityOf(long userId, Platform platform) {
        return users.findExternalId(userId, platform.db());
    }

    public List<User> activeWithRole(Role role) {
        return users.findActiveByRole(role.db()).stream().map(UserRow::toUser).toList();
    }

    /**
     * Active users of a role who have an email address and no identity on any of the platforms: one query.
     * With no platforms, every active user of the role with an email address.
     */
    public List<User> activeWithRoleReachedOnlyByEmail(Role role, Collection<Platform> platforms) {
        if (platforms.isEmpty()) {
            return activeWithRole(role).stream().filter(u -> u.email() != null).toList();
        }
        return users.findActiveByRoleWithEmailAndNoIdentity(role.db(), platforms.stream().map(Platform::db).toList())
                .stream().map(UserRow::toUser).toList();
    }

    /**
     * Who a ticket can be handed over or assigned to, as {@link ticketdesk.core.ticket.HandingOverTicket} decides
     * it: active responders and admins who do not hold it and have not declined it, by name. For offering a choice;
     * the hand-over itself decides again.
     */
    public List<User> handOverCandidates(long ticketId) {
        List<String> roles = Arrays.stream(Role.values()).filter(Role::canWorkTickets).map(Role::db).toList();
        return users.findFreeToReceive(ticketId, roles).stream().map(UserRow::toUser).toList();
    }

    /** The chat platforms the user is linked on. */
    public Set<Platform> platformsOf(long userId) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        users.findPlatforms(userId).forEach(p -> platforms.add(Platform.fromDb(p)));
        return platforms;
    }

    /** The stored password hash of an admin, for the panel's login. */
    public Optional<String> passwordHashOf(long userId) {
        return users.findById(userId).map(UserRow::passwordHash);
    }

    public boolean anyActiveAdmin() {
        return users.countActiveAdmins() > 0;
    }
}
