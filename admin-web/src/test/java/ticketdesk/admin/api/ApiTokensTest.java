package ticketdesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketdesk.admin.api.TicketsApiTest.assertProblem;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.token.ApiTokens;
import ticketdesk.core.token.TokenResult;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;

/** Tokens (wrong, revoked, a deactivated user's), and the admins' parts of the API: users and the audit feed. */
@MicronautTest(transactional = false)
class ApiTokensTest extends ApiTest {

    @Test
    void noTokenAMalformedOneAndAWrongSecretAreRefusedAlikeAndNoTokenReachesTheLog() {
        String good = tokenFor(world.employee("Emma Tokens"));
        String wrongSecret = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger filterLog = (Logger) LoggerFactory.getLogger(ApiTokenFilter.class);
        filterLog.setLevel(ch.qos.logback.classic.Level.INFO);
        filterLog.addAppender(log);

        ApiClient.Answer none = anonymous().get("/api/v1/tickets");
        ApiClient.Answer malformed = anonymous().as("hello").get("/api/v1/tickets");
        ApiClient.Answer wrong = anonymous().as(wrongSecret).get("/api/v1/tickets");

        for (ApiClient.Answer answer : new ApiClient.Answer[] {none, malformed, wrong}) {
            assertProblem(answer, 401, "UNAUTHORIZED", null);
        }
        assertThat(log.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(wrongSecret).doesNotContain(wrongSecret.substring(16)).doesNotContain("hello"));
        assertThat(as(world.employee("Emma Fine")).get("/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenAndADeactivatedUsersTokenAreRefusedAndUseIsRecorded() {
        User rob = world.responder("Rob Revoked");
        User dora = world.responder("Dora Deactivated");
        ApiTokens tokens = context.getBean(ApiTokens.class);
        TokenResult.Issued robs = (TokenResult.Issued) tokens.issue("ci", rob.id(), null);
        String doras = tokenFor(dora);

        assertThat(anonymous().as(robs.secret()).get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM api_tokens WHERE id = ? AND last_used_at IS NOT NULL",
                robs.token().id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE ?", "%" + robs.secret() + "%"))
                .as("only a hash is stored").isZero();
        tokens.revoke(robs.token().id());
        context.getBean(DeactivatingUser.class).deactivate(dora.id(), null, Channel.WEB);

        assertProblem(anonymous().as(robs.secret()).get("/api/v1/tickets"), 401, "UNAUTHORIZED", null);
        assertProblem(anonymous().as(doras).get("/api/v1/tickets"), 401, "UNAUTHORIZED", null);
        assertThat(tokens.issue("late", dora.id(), null)).isInstanceOf(TokenResult.Refused.class);
    }

    @Test
    void anAdminCreatesATokenInThePanelSeesItOnceAndRevokesIt() {
        User admin = world.admin("Ada Panel Tokens");
        context.getBean(ticketdesk.core.user.ManagingUsers.class).setPassword(admin.id(), "panel tokens pass");
        User rob = world.responder("Rob Panel Token");
        ticketdesk.admin.web.Http panel = new ticketdesk.admin.web.Http(server.getURI());
        assertThat(panel.signIn(admin.email(), "panel tokens pass").statusCode()).isEqualTo(303);
        String csrf = ticketdesk.admin.web.Http.csrfOf(panel.get("/admin/tokens").body()).orElseThrow();

        java.net.http.HttpResponse<String> created = panel.postForm("/admin/tokens",
                Map.of("_csrf", csrf, "name", "grafana", "email", rob.email()));
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"secret\">(td_[^<]+)<")
                .matcher(created.body());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(shown.find()).as(created.body()).isTrue();
        String secret = shown.group(1);
        assertThat(panel.get("/admin/tokens").body()).contains("grafana").contains("Rob Panel Token")
                .doesNotContain(secret);
        assertThat(anonymous().as(secret).get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(panel.postForm("/admin/tokens", Map.of("_csrf", csrf, "name", "x", "email", "nobody@example.com"))
                .body()).contains("no user has the email nobody@example.com");
        long id = db.count("SELECT id FROM api_tokens WHERE name = 'grafana'");
        assertThat(panel.postForm("/admin/tokens/" + id + "/revoke", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(303);
        assertProblem(anonymous().as(secret).get("/api/v1/tickets"), 401, "UNAUTHORIZED", null);
        assertThat(panel.get("/admin/tokens").body()).contains("revoked");
    }

    @Test
    void onlyAdminsManageUsersAndADeactivatedUsersTokenStopsAtOnce() {
        User admin = world.admin("Ada Users");
        User emma = world.employee("Emma Users");
        String emmas = tokenFor(emma);

        assertProblem(anonymous().as(emmas).get("/api/v1/users"), 403, "WRONG_ROLE", null);
        ApiClient.Answer created = as(admin).post("/api/v1/users", Map.of("displayName", "Nina New",
                "email", "Nina@Example.com", "role", "responder", "phone", "+1 415 555 2671"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body()).containsEntry("email", "nina@example.com").containsEntry("phone", "+14155552671")
                .containsEntry("role", "responder").containsEntry("active", true);
        assertProblem(as(admin).post("/api/v1/users", Map.of("displayName", "Bad", "email", "nope", "role",
                "employee")), 400, "INVALID_INPUT", "email");
        assertProblem(as(admin).post("/api/v1/users", Map.of("displayName", "Bad", "role", "boss")), 400,
                "INVALID_INPUT", "role");
        ApiClient.Answer renamed = as(admin).put("/api/v1/users/" + created.id(), Map.of("displayName", "Nina N",
                "email", "nina@example.com", "role", "admin"));
        assertThat(renamed.body()).containsEntry("displayName", "Nina N").containsEntry("role", "admin");
        assertThat(renamed.body().get("phone")).as("replaced, so cleared").isNull();
        assertThat(as(admin).get("/api/v1/users?q=Nina").list("items")).extracting(u -> u.get("displayName"))
                .containsExactly("Nina N");
        assertThat(as(admin).post("/api/v1/users/" + emma.id() + "/deactivate", null).body())
                .containsEntry("active", false);
        assertProblem(anonymous().as(emmas).get("/api/v1/tickets"), 401, "UNAUTHORIZED", null);
        assertProblem(as(admin).post("/api/v1/users/" + admin.id() + "/deactivate", null), 403, "NOT_ALLOWED", null);
        assertProblem(as(admin).get("/api/v1/users/999999"), 404, "NOT_FOUND", null);
    }

    @Test
    void theAuditFeedPagesEveryEventNewestFirstForAdminsOnly() {
        User admin = world.admin("Ada Events");
        User emma = world.employee("Emma Events");
        for (int i = 0; i < 3; i++) {
            world.claimedTicket(emma, world.responder("Rob Events " + i));
        }
        long total = db.count("SELECT COUNT(*) FROM ticket_events");

        java.util.List<Long> ids = new java.util.ArrayList<>();
        String next = null;
        do {
            ApiClient.Answer page = as(admin).get("/api/v1/events?limit=4" + (next == null ? "" : "&after=" + next));
            page.list("items").forEach(e -> ids.add(((Number) e.get("id")).longValue()));
            next = (String) page.get("next");
        } while (next != null);

        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(as(admin).get("/api/v1/events?type=claimed").list("items")).hasSize(3)
                .allSatisfy(e -> assertThat(e).containsEntry("type", "claimed").containsKey("actor"));
        assertProblem(as(emma).get("/api/v1/events"), 403, "WRONG_ROLE", null);
        assertProblem(as(admin).get("/api/v1/events?type=exploded"), 400, "INVALID_INPUT", null);
    }
}
