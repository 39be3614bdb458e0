package ticketdesk.core.user;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A user's sign-in sessions. A session is opened in the user's current session generation and counts only while
 * the user is active and still in it. Signing out, deactivation, a role change and a password change move the
 * generation on in the transaction of the change, so every session of that user ends at once on every instance:
 * the check is one read by primary key, with no cache to wait for.
 */
@Singleton
public class UserSessions {

    private final UserRepository users;

    UserSessions(UserRepository users) {
        this.users = users;
    }

    /** The generation a session opened now belongs to; read before the password is checked, never after. */
    public long generationOf(long userId) {
        return users.findSessionGeneration(userId).orElse(-1L);
    }

    /** The user behind a session of {@code generation}, if that session still counts. */
    public Optional<User> holderOf(long userId, long generation) {
        return users.findInSession(userId, generation).map(UserRow::toUser);
    }

    /** Signing out: every session of the user ends, on every device. */
    @Transactional
    public void endAll(long userId) {
        users.endSessions(userId);
    }
}
