package ticketdesk.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import ticketdesk.admin.web.AdminSession;
import ticketdesk.admin.web.BrowserTest;
import ticketdesk.admin.web.Http;
import ticketdesk.core.user.User;

/**
 * A session copied before it ended (sign-out, deactivation, a role or password change by another admin) opens
 * nothing afterwards, and every other live session of that admin ends with it.
 */
@MicronautTest(transactional = false)
class EndingSessionsInThePanelTest extends BrowserTest {

    private User vic;

    @BeforeEach
    void vicIsAnAdmin() {
        vic = withPassword(world.admin("Vic Victim"));
    }

    @Test
    void aCookieCopiedBeforeSigningOutOpensNothingAfterItAndTheOtherSessionEndsToo() {
        browser.manage().deleteAllCookies();
        signIn(vic, PASSWORD);
        Session copied = copyOf(browser.manage().getCookieNamed(AdminSession.COOKIE).getValue());
        Session other = signedIn(vic);

        click(By.cssSelector("form.logout button"));

        assertThat(path()).isEqualTo("/admin/login");
        assertEnded(copied, "mallory-1@example.com");
        assertEnded(other, "mallory-2@example.com");
    }

    @Test
    void deactivationByAnotherAdminEndsEverySessionAndReactivationDoesNotBringThemBack() {
        Session first = signedIn(vic);
        Session second = signedIn(vic);
        signInAsAdmin();
        open("/admin/users/" + vic.id());

        click("deactivate");
        assertEnded(first, "mallory-3@example.com");
        click("reactivate");

        assertThat(byId("status").getText()).isEqualTo("active");
        assertEnded(first, "mallory-4@example.com");
        assertEnded(second, "mallory-5@example.com");
    }

    @Test
    void aRoleChangeByAnotherAdminEndsTheSessionsEvenWhenTheRoleIsChangedBack() {
        Session session = signedIn(vic);
        signInAsAdmin();
        open("/admin/users/" + vic.id());

        new Select(byId("role")).selectByValue("responder");
        click("save");
        new Select(byId("role")).selectByValue("admin");
        click("save");

        assertThat(new Select(byId("role")).getFirstSelectedOption().getAttribute("value")).isEqualTo("admin");
        assertEnded(session, "mallory-6@example.com");
    }

    @Test
    void aPasswordChangeByAnotherAdminEndsTheSessionsAndTheNewPasswordSignsIn() {
        Session session = signedIn(vic);
        signInAsAdmin();
        open("/admin/users/" + vic.id());

        type("password", "vic's brand new password");
        click("save");

        assertThat(byId("notice").getText()).isNotBlank();
        assertEnded(session, "mallory-7@example.com");
        assertThat(new Http(server.getURI()).signIn(vic.email(), PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new Http(server.getURI()).signIn(vic.email(), "vic's brand new password").statusCode())
                .isEqualTo(303);
    }

    @Test
    void anEditThatChangesNeitherRoleNorPasswordKeepsTheSession() {
        Session session = signedIn(vic);
        signInAsAdmin();
        open("/admin/users/" + vic.id());

        type("displayName", "Vic Renamed");
        click("save");

        assertThat(copyOf(session.cookie).http.get("/admin").statusCode()).isEqualTo(200);
    }

    /** A session's cookie and the CSRF token of its forms, as someone who copied them would hold them. */
    private record Session(String cookie, String csrf, Http http) {
    }

    private Session signedIn(User user) {
        Http http = new Http(server.getURI());
        assertThat(http.signIn(user.email(), PASSWORD).statusCode()).isEqualTo(303);
        return copyOf(http.cookie(AdminSession.COOKIE).orElseThrow());
    }

    private Session copyOf(String cookie) {
        Http http = new Http(server.getURI());
        http.setCookie(AdminSession.COOKIE, cookie);
        HttpResponse<String> form = http.get("/admin/users/new");
        assertThat(form.statusCode()).as("the session works before it ends").isEqualTo(200);
        return new Session(cookie, Http.csrfOf(form.body()).orElseThrow(), http);
    }

    /** The copied cookie opens no page, and its form token creates no admin. */
    private void assertEnded(Session session, String email) {
        Http http = new Http(server.getURI());
        http.setCookie(AdminSession.COOKIE, session.cookie());
        HttpResponse<String> page = http.get("/admin");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/admin/login");

        Http forger = new Http(server.getURI());
        forger.setCookie(AdminSession.COOKIE, session.cookie());
        HttpResponse<String> created = forger.postForm("/admin/users/new", Map.of("_csrf", session.csrf(),
                "displayName", "Mallory", "email", email, "role", "admin", "password", "mallory's password"));
        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
    }
}
