package ticketdesk.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import ticketdesk.admin.web.AdminSession;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.admin.web.Http;
import ticketdesk.core.Channel;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class SigningInTest extends BrowserTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "ticketdesk.admin.login.max-failures-per-account", "6",
                "ticketdesk.admin.login.max-failures-per-address", "3",
                "micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @BeforeEach
    void noEarlierFailures() throws SQLException {
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute("DELETE FROM admin_login_failures");
        }
    }

    @Test
    void aNonAdminCannotSignInEvenWithTheRightPassword() {
        browser.manage().deleteAllCookies();
        User employee = withPassword(world.employee("Erin Employee"));
        signIn(employee, PASSWORD);

        assertThat(path()).isEqualTo("/admin/login");
        assertThat(byId("login-error").getText())
                .isEqualTo("Wrong email or password, or this account is not an active admin.");
        assertThat(browser.manage().getCookieNamed(AdminSession.COOKIE)).isNull();
        open("/admin/users");
        assertThat(path()).isEqualTo("/admin/login");
    }

    @Test
    void afterRepeatedWrongPasswordsTheBrowsersAddressIsLockedButNotTheAccount() {
        browser.manage().deleteAllCookies();
        User second = withPassword(world.admin("Otto Admin"));
        for (int i = 0; i < 3; i++) {
            signIn(second, "wrong password " + i);
            assertThat(byId("login-error").getText()).startsWith("Wrong email or password");
        }
        signIn(second, PASSWORD);

        assertThat(path()).isEqualTo("/admin/login");
        assertThat(byId("login-error").getText())
                .isEqualTo("Too many failed sign-ins from your address. Wait 15 min and try again.");
        assertThat(browser.findElements(By.id("lockout-help"))).isEmpty();
        assertThat(browser.manage().getCookieNamed(AdminSession.COOKIE)).isNull();
        assertThat(db.count("SELECT COUNT(*) FROM admin_login_failures WHERE account = ?", second.email()))
                .isEqualTo(3);

        assertThat(signInFrom(new Http(server.getURI()), "198.51.100.20", second.email(), PASSWORD).statusCode())
                .as("the same account from another address still signs in").isEqualTo(303);
    }

    @Test
    void manyFailuresFromOneAddressThrottleThatAddressOnly() {
        Http attacker = new Http(server.getURI());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> miss = signInFrom(attacker, "203.0.113.7", "nobody-" + UUID.randomUUID() + "@x.io",
                    "guess");
            assertThat(miss.statusCode()).isEqualTo(401);
        }
        assertThat(signInFrom(attacker, "203.0.113.7", admin.email(), PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signInFrom(new Http(server.getURI()), "198.51.100.9", admin.email(), PASSWORD).statusCode())
                .isEqualTo(303);
    }

    @Test
    void anOverLongTrustedAddressHeaderStillCountsTowardTheAccountLimit() {
        User target = withPassword(world.admin("Tess Target"));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> miss = signInFrom(new Http(server.getURI()), "2001:db8::" + "f".repeat(4000) + i,
                    target.email(), "guess " + i);
            assertThat(miss.statusCode()).as(miss.body()).isEqualTo(401);
        }
        HttpResponse<String> blocked = signInFrom(new Http(server.getURI()), "198.51.100.77", target.email(),
                PASSWORD);

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("locked for up to 15 min, even with the right password");
        assertThat(db.count("SELECT COUNT(*) FROM admin_login_failures WHERE account = ?", target.email()))
                .isEqualTo(6);
    }

    @Test
    void signingOutEndsTheSession() {
        signInAsAdmin();
        assertThat(path()).isEqualTo("/admin");
        click(By.cssSelector("form.logout button"));
        assertThat(path()).isEqualTo("/admin/login");
        open("/admin/users");
        assertThat(path()).isEqualTo("/admin/login");
    }

    @Test
    void aSessionStopsWorkingWhenItsAdminIsDeactivated() {
        User leaving = withPassword(world.admin("Lea Leaving"));
        browser.manage().deleteAllCookies();
        signIn(leaving, PASSWORD);
        assertThat(path()).isEqualTo("/admin");

        context.getBean(DeactivatingUser.class).deactivate(leaving.id(), admin.id(), Channel.WEB);
        open("/admin/users");
        assertThat(path()).isEqualTo("/admin/login");
    }

    private static HttpResponse<String> signInFrom(Http http, String address, String email, String password) {
        String token = Http.csrfOf(http.get("/admin/login").body()).orElseThrow();
        return http.postForm("/admin/login", Map.of("_csrf", token, "email", email, "password", password),
                "X-Forwarded-For", address);
    }
}
