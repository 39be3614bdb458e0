package ticketdesk.admin.login;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Login throttling ({@code ticketdesk.admin.login.*}): after {@code max-failures-per-address} failed logins from
 * one client address, or {@code max-failures-per-account} for one account, within {@code window}, further attempts
 * are refused until older failures leave the window. The account's limit is the higher one, so one address alone is
 * locked before it can lock an account.
 */
@ConfigurationProperties("ticketdesk.admin.login")
class ThrottleSettings {

    private int maxFailuresPerAccount = 50;
    private int maxFailuresPerAddress = 10;
    private Duration window = Duration.ofMinutes(15);

    public int getMaxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public void setMaxFailuresPerAccount(int maxFailuresPerAccount) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
    }

    public int getMaxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }
}
