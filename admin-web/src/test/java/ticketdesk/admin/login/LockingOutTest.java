package ticketdesk.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.admin.web.Http;
import ticketdesk.core.user.ResettingPassword;
import ticketdesk.core.user.User;

/**
 * The shipped limits (10 failures per address, 50 per account, in 15 minutes): a client address is locked before an
 * account, and a locked account is opened again by the operator's password reset.
 */
@MicronautTest(transactional = false)
class LockingOutTest extends BrowserTest {

    private static final String ATTACKER = "203.0.113.7";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @BeforeEach
    void noEarlierFailures() throws SQLException {
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute("DELETE FROM admin_login_failures");
        }
    }

    @Test
    void anAttackerAtOneAddressIsLockedOutWhileTheRealAdminStillSignsInFromAnother() {
        User target = withPassword(world.admin("Tara Target"));
        for (int i = 0; i < 10; i++) {
            assertThat(signInFrom(ATTACKER, target.email(), "guess " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> attacker = signInFrom(ATTACKER, target.email(), PASSWORD);
        assertThat(attacker.statusCode()).isEqualTo(429);
        assertThat(attacker.body()).contains("Too many failed sign-ins from your address.");
        assertThat(signInFrom("198.51.100.9", target.email(), PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void theRealAdminSigningInDoesNotUnlockTheAttackersAddress() {
        User target = withPassword(world.admin("Tim Target"));
        for (int i = 0; i < 10; i++) {
            signInFrom(ATTACKER, target.email(), "guess " + i);
        }
        assertThat(signInFrom("198.51.100.9", target.email(), PASSWORD).statusCode()).isEqualTo(303);

        assertThat(signInFrom(ATTACKER, target.email(), "guess again").statusCode()).isEqualTo(429);
    }

    @Test
    void failuresFromManyAddressesLockTheAccountAndThePageOffersTheOperatorsResetWhichLiftsIt() {
        User target = withPassword(world.admin("Lou Locked"));
        for (int address = 0; address < 5; address++) {
            for (int i = 0; i < 10; i++) {
                assertThat(signInFrom("198.51.100." + address, target.email(), "guess " + i).statusCode())
                        .isEqualTo(401);
            }
        }

        browser.manage().deleteAllCookies();
        signIn(target, PASSWORD);
        assertThat(path()).isEqualTo("/admin/login");
        assertThat(byId("login-error").getText()).isEqualTo("Too many failed sign-ins for this account, from several"
                + " addresses: it is locked for up to 15 min, even with the right password.");
        assertThat(byId("lockout-help").getText()).contains("java -jar ticketdesk.jar admin reset-password EMAIL")
                .contains("ends the lock-out");

        context.getBean(ResettingPassword.class).reset(target.email(), "the operator's new password");
        signIn(target, "the operator's new password");
        assertThat(path()).isEqualTo("/admin");
    }

    private HttpResponse<String> signInFrom(String address, String email, String password) {
        Http http = new Http(server.getURI());
        String token = Http.csrfOf(http.get("/admin/login").body()).orElseThrow();
        return http.postForm("/admin/login", Map.of("_csrf", token, "email", email, "password", password),
                "X-Forwarded-For", address);
    }
}
