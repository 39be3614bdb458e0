package ticketdesk.admin.login;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.user.Passwords;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

/**
 * Checks an admin's email and password: only an active admin with a matching Argon2id hash gets in, and a
 * throttled account or address is refused before any password is checked. {@code address} is the client's
 * throttle key (see {@link ClientAddress}).
 */
@Singleton
class AdminLogin {

    private static final Logger LOG = LoggerFactory.getLogger(AdminLogin.class);

    sealed interface Outcome {
        record SignedIn(User admin) implements Outcome {
        }

        record Failed() implements Outcome {
        }

        record Throttled() implements Outcome {
        }
    }

    private final UserDirectory directory;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    AdminLogin(UserDirectory directory, Passwords passwords, LoginThrottle throttle) {
        this.directory = directory;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    Outcome attempt(String email, String password, String address) {
        String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (account.length() > 320) {
            account = account.substring(0, 320);
        }
        if (throttle.isThrottled(account, address)) {
            return new Outcome.Throttled();
        }
        Optional<User> admin = directory.byEmail(account)
                .filter(user -> user.active() && user.role() == Role.ADMIN)
                .filter(user -> passwords.verify(password, directory.passwordHashOf(user.id()).orElse(null)));
        if (admin.isEmpty()) {
            return recorded(account, address) ? new Outcome.Failed() : new Outcome.Throttled();
        }
        throttle.recordSuccess(account);
        return new Outcome.SignedIn(admin.get());
    }

    /** A failure that cannot be counted must not be free: the caller is then treated as throttled. */
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
