package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class SecurityBoundaryTest extends DatabaseTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private static final String MAIL_TOKEN = "not-a-jwt-but-the-mail-token";

    private User admin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.inbound-token", MAIL_TOKEN);
    }

    @BeforeAll
    void anAdminWithAPassword() {
        admin = new World(context).admin("Ada Admin");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), "correct horse battery");
    }

    private Http http() {
        return new Http(server.getURI());
    }

    @Test
    void routesOfOtherModulesStayOpenToAnonymousCallers() {
        Http http = http();
        assertThat(http.get("/health").statusCode()).as(http.get("/health").body()).isEqualTo(200);
        assertThat(http.get("/health").body()).contains("UP");
        HttpResponse<String> slack = http.post("/slack/events", "application/x-www-form-urlencoded",
                "command=%2Fticket");
        assertThat(slack.statusCode()).as(slack.body()).isEqualTo(200);
        assertThat(slack.body()).isEqualTo("slack saw /ticket");
        HttpResponse<String> mail = http.post("/mail/inbound", "message/rfc822", "Subject: hi\r\n\r\nbody",
                "Authorization", "Bearer " + MAIL_TOKEN);
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
        assertThat(mail.body()).contains("\"outcome\":\"malformed\"");
        HttpResponse<String> confirm = http.get("/mail/confirm/abc");
        assertThat(confirm.statusCode()).isEqualTo(404);
        assertThat(confirm.body()).contains("This link is not valid");
    }

    @Test
    void pagesAreRenderedOnThePanelsPathsOnly() {
        Http http = http();
        HttpResponse<String> panel = http.get("/admin/login");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("<form");
        HttpResponse<String> elsewhere = http.get("/mail/confirm/view");
        // No renderer takes a view outside the panel, so it falls to the JSON encoder, which cannot write one.
        assertThat(elsewhere.statusCode()).isEqualTo(500);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(elsewhere.body()).contains("Error encoding object [io.micronaut.views.ModelAndView")
                .doesNotContain("<form");
    }

    @Test
    void micronautSecurityAddsNoEndpointsOfItsOwn() {
        Http http = http();
        assertThat(http.postForm("/login", Map.of("username", "x", "password", "y")).statusCode()).isEqualTo(404);
        assertThat(http.get("/logout").statusCode()).isEqualTo(404);
        assertThat(http.get("/keys").statusCode()).isEqualTo(404);
        assertThat(http.postForm("/oauth/access_token", Map.of("grant_type", "refresh_token")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theApiIsNotOpenToAnonymousCallersNorToAPanelSession() {
        Http http = http();
        assertThat(http.get("/api/v1/tickets").statusCode()).isEqualTo(401);
        http.signIn(admin.email(), "correct horse battery");
        HttpResponse<String> withSession = http.get("/api/v1/tickets");
        assertThat(withSession.statusCode()).isEqualTo(401);
        assertThat(withSession.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void panelPagesSendAnonymousBrowsersToTheLoginPage() {
        HttpResponse<String> response = http().get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/login");
    }

    @Test
    void everyPanelPageSendsAStrictContentSecurityPolicy() {
        Http http = http();
        HttpResponse<String> login = http.get("/admin/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.POLICY);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        http.signIn(admin.email(), "correct horse battery");
        for (String page : new String[] {"/admin", "/admin/users", "/admin/tickets", "/admin/audit",
                "/admin/audit/admin", "/admin/mail"}) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValue(SecurityHeaders.POLICY);
            assertThat(response.body().split("<script", -1)).as(page + ": one script, the panel's own, not inline")
                    .hasSize(2);
            assertThat(response.body()).as(page).contains("<script src=\"/admin/assets/local-time.js\" defer></script>");
        }
        assertThat(SecurityHeaders.POLICY).contains("script-src 'self';").doesNotContain("unsafe");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureBehindAnHttpsProxy() {
        Http http = http();
        String token = Http.csrfOf(http.get("/admin/login").body()).orElseThrow();
        HttpResponse<String> response = http.postForm("/admin/login",
                Map.of("_csrf", token, "email", admin.email(), "password", "correct horse battery"),
                "X-Forwarded-Proto", "https");
        assertThat(response.statusCode()).isEqualTo(303);
        String session = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminSession.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Secure");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndChangesNothing() {
        Http http = http();
        assertThat(http.signIn(admin.email(), "correct horse battery").statusCode()).isEqualTo(303);
        long before = db.count("SELECT COUNT(*) FROM users");
        HttpResponse<String> response = http.postForm("/admin/users/new",
                Map.of("displayName", "Mallory", "email", "mallory@example.com", "role", "admin"));
        assertThat(response.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = http.postForm("/admin/users/new",
                Map.of("_csrf", "guessed", "displayName", "Mallory", "email", "mallory@example.com", "role", "admin"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT COUNT(*) FROM users")).isEqualTo(before);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'mallory@example.com'")).isZero();
    }

    @Test
    void aBrowserLoginFromThePanelsOwnOriginSucceeds() {
        Http http = http();
        String token = Http.csrfOf(http.get("/admin/login").body()).orElseThrow();
        String origin = server.getURI().toString().replaceAll("/$", "");
        HttpResponse<String> response = http.postForm("/admin/login",
                Map.of("_csrf", token, "email", admin.email(), "password", "correct horse battery"),
                "Origin", origin, "Referer", origin + "/admin/login", "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document", "Sec-Fetch-User", "?1",
                "Upgrade-Insecure-Requests", "1", "Cache-Control", "max-age=0",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(response.statusCode()).as(response.body() + response.headers().map()).isEqualTo(303);
        assertThat(http.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginPostWithoutItsTokenIsForbidden() {
        HttpResponse<String> response = http().postForm("/admin/login",
                Map.of("email", admin.email(), "password", "correct horse battery"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(AdminSession.COOKIE));
    }

    @Test
    void aForgedSessionCookieOpensNothing() {
        HttpResponse<String> response = http().get("/admin/users", "Cookie",
                AdminSession.COOKIE + "=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZXMiOlsiYWRtaW4iXX0.c2lnbmF0dXJl");
        assertThat(response.statusCode()).isEqualTo(303);
    }
}
