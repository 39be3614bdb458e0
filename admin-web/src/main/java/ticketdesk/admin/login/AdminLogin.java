package ticketdesk.admin.login;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.user.Passwords;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.SignIns;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;
import ticketdesk.core.user.UserSessions;

/**
 * Checks an admin's email and password: only an active admin with a matching Argon2id hash gets in, and a locked
 * address or account is refused before any password is checked. {@code client} is the client's throttle key and
 * address (see {@link ticketdesk.admin.web.ClientAddress}). A sign-in and a counted failure go to the account's
 * history with the address; a refusal while locked does not, so an attacker cannot flood it.
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
    private final SignIns signIns;

    /** Where an attempt comes from: the throttle's key of the client, and the address the audit shows. */
    record Client(String key, String address) {
    }

    AdminLogin(UserDirectory directory, UserSessions sessions, Passwords passwords, LoginThrottle throttle,
               SignIns signIns) {
        this.directory = directory;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    Outcome attempt(String email, String password, Client client) {
        String address = client.key();
        String account = LoginThrottle.accountOf(email);
        Optional<LoginThrottle.Lock> lock = throttle.lockOf(account, address);
        if (lock.isPresent()) {
            return new Outcome.Locked(lock.get());
        }
        Optional<User> admin = directory.byEmail(account).filter(user -> user.active() && user.role() == Role.ADMIN);
        // a password reset between these two reads leaves the session in the old generation, so it never counts
        long generation = admin.map(user -> sessions.generationOf(user.id())).orElse(-1L);
        if (admin.isEmpty() || !passwords.verify(password, directory.passwordHashOf(admin.get().id()).orElse(null))) {
            if (!recorded(account, address)) {
                return new Outcome.Locked(LoginThrottle.Lock.ADDRESS);
            }
            signIns.failed(account, Channel.WEB, client.address());
            return new Outcome.Failed();
        }
        throttle.recordSuccess(account);
        signIns.succeeded(admin.get().id(), Channel.WEB, client.address());
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
