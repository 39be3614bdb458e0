package ticketdesk.admin.login;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.time.LocalDateTime;
import jakarta.inject.Singleton;
import ticketdesk.core.Times;

/** Counts failed logins in {@code admin_login_failures}, so every instance of the service sees the same counts. */
@Singleton
class LoginThrottle {

    private final JdbcOperations jdbc;
    private final ThrottleSettings settings;
    private final Times times;

    LoginThrottle(JdbcOperations jdbc, ThrottleSettings settings, Times times) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.times = times;
    }

    @Transactional
    boolean isThrottled(String account, String address) {
        LocalDateTime since = times.now().minus(settings.getWindow());
        return count("account", account, since) >= settings.getMaxFailuresPerAccount()
                || count("address", address, since) >= settings.getMaxFailuresPerAddress();
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

    /** A successful login forgives the account's earlier mistakes (not the address's). */
    @Transactional
    void recordSuccess(String account) {
        jdbc.prepareStatement("DELETE FROM admin_login_failures WHERE account = ?", ps -> {
            ps.setString(1, account);
            return ps.executeUpdate();
        });
    }

    private long count(String column, String value, LocalDateTime since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM admin_login_failures WHERE " + column
                + " = ? AND failed_at >= ?", ps -> {
                    ps.setString(1, value);
                    ps.setObject(2, since);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }
}
