package ticketdesk.admin.login;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Times;
import ticketdesk.core.user.SignInLockouts;

/**
 * Counts failed logins in {@code admin_login_failures}, so every instance of the service sees the same counts. A
 * client address is locked first; an account only after more failures than one address may make, so an attacker at
 * one address cannot lock the real admin out from everywhere. A locked account waits out the window even with the
 * right password, unless an operator resets its password ({@link #lift}).
 */
@Singleton
class LoginThrottle implements SignInLockouts {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final int MAX_ACCOUNT = 320;

    enum Lock { ADDRESS, ACCOUNT }

    private final JdbcOperations jdbc;
    private final ThrottleSettings settings;
    private final Times times;

    LoginThrottle(JdbcOperations jdbc, ThrottleSettings settings, Times times) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.times = times;
    }

    /** The account key of a typed email: trimmed, lower-case, bounded to the column. */
    static String accountOf(String email) {
        String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return account.length() > MAX_ACCOUNT ? account.substring(0, MAX_ACCOUNT) : account;
    }

    @Transactional
    Optional<Lock> lockOf(String account, String address) {
        LocalDateTime since = times.now().minus(settings.getWindow());
        if (count("address = ?", address, since) >= settings.getMaxFailuresPerAddress()) {
            return Optional.of(Lock.ADDRESS);
        }
        if (count("account = ? AND account_forgiven = FALSE", account, since)
                >= settings.getMaxFailuresPerAccount()) {
            return Optional.of(Lock.ACCOUNT);
        }
        return Optional.empty();
    }

    @Transactional
    void recordFailure(String account, String address) {
        LocalDateTime now = times.now();
        jdbc.prepareStatement("INSERT INTO admin_login_failures (account, address, failed_at) VALUES (?, ?, ?)",
                ps -> {
                    ps.setString(1, account);
                    ps.setString(2, address);
                    ps.setObject(3, now);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM admin_login_failures WHERE failed_at < ?", ps -> {
            ps.setObject(1, now.minus(settings.getWindow()).minusDays(1));
            return ps.executeUpdate();
        });
    }

    /** A successful login forgives the account's earlier failures; they still count against their addresses. */
    @Transactional
    void recordSuccess(String account) {
        forgive(account);
    }

    /** A password reset lifts the account's lock-out, in the reset's transaction. */
    @Override
    @Transactional
    public void lift(String email) {
        forgive(accountOf(email));
    }

    private void forgive(String account) {
        jdbc.prepareStatement("UPDATE admin_login_failures SET account_forgiven = TRUE"
                + " WHERE account = ? AND account_forgiven = FALSE", ps -> {
                    ps.setString(1, account);
                    return ps.executeUpdate();
                });
    }

    private long count(String condition, String value, LocalDateTime since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM admin_login_failures WHERE " + condition
                + " AND failed_at >= ?", ps -> {
                    ps.setString(1, value);
                    ps.setObject(2, since);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @EventListener
    void checkSettings(StartupEvent event) {
        if (settings.getMaxFailuresPerAccount() <= settings.getMaxFailuresPerAddress()) {
            LOG.warn("ticketdesk.admin.login.max-failures-per-account ({}) is not above max-failures-per-address"
                    + " ({}): failures from one client address alone can lock an admin's account",
                    settings.getMaxFailuresPerAccount(), settings.getMaxFailuresPerAddress());
        }
    }
}
