package ticketdesk.admin.login;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.user.Passwords;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.core.user.UserSessions;

/**
 * Checks an admin's email and password: only an active admin with a matching Argon2id hash gets in, and a locked
 * address or account is refused before any password is checked. {@code address} is the client's throttle key (see
 * {@link ClientAddress}).
 */
@Singleton
class AdminLogin {

    private static final Logger LOG = LoggerFactory.getLogger(AdminLogin.class);

    sealed interface Outcome {
        /** {@code generation}: the admin's session generation, read before their password was checked. */
        record SignedIn(User admin, long generation) implements Outcome {
        }

        record Failed() implements Outcome {
        }

        record Locked(LoginThrottle.Lock lock) implements Outcome {
        }
    }

    private final UserDirectory directory;
    private final UserSessions sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    AdminLogin(UserDirectory directory, UserSessions sessions, Passwords passwords, LoginThrottle throttle) {
        this.directory = directory;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    Outcome attempt(String email, String password, String address) {
        String account = LoginThrottle.accountOf(email);
        Optional<LoginThrottle.Lock> lock = throttle.lockOf(account, address);
        if (lock.isPresent()) {
            return new Outcome.Locked(lock.get());
        }
        Optional<User> admin = directory.byEmail(account).filter(user -> user.active() && user.role() == Role.ADMIN);
        // a password reset between these two reads leaves the session in the old generation, so it never counts
        long generation = admin.map(user -> sessions.generationOf(user.id())).orElse(-1L);
        if (admin.isEmpty() || !passwords.verify(password, directory.passwordHashOf(admin.get().id()).orElse(null))) {
            return recorded(account, address) ? new Outcome.Failed() : new Outcome.Locked(LoginThrottle.Lock.ADDRESS);
        }
        throttle.recordSuccess(account);
        return new Outcome.SignedIn(admin.get(), generation);
    }

    /** A failure that cannot be counted must not be free: the caller is then treated as locked. */
    private boolean recorded(String account, String address) {
        try {
            throttle.recordFailure(account, address);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not record a failed admin login; refusing it as throttled", e);
            return false;
        }
    }
}
