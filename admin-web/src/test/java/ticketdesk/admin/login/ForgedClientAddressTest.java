package ticketdesk.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.admin.web.Http;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.User;

/** Without {@code micronaut.server.client-address-header}, forwarding headers are the caller's word and count for nothing. */
@MicronautTest(transactional = false)
class ForgedClientAddressTest extends DatabaseTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String THROTTLED = "Too many failed sign-ins";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private User admin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "ticketdesk.admin.login.max-failures-per-account", "6",
                "ticketdesk.admin.login.max-failures-per-address", "3");
    }

    @BeforeAll
    void anAdminWithAPassword() {
        admin = new World(context).admin("Ada Admin");
        context.getBean(ManagingUsers.class).setPassword(admin.id(), PASSWORD);
    }

    @BeforeEach
    void noEarlierFailures() throws SQLException {
        sql("DELETE FROM admin_login_failures");
    }

    @Test
    void rotatingForgedForwardedForHeadersStillHitsTheAddressLimit() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> miss = signIn("nobody-" + UUID.randomUUID() + "@x.io", "guess",
                    "X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i);
            assertThat(miss.statusCode()).as(miss.body()).isEqualTo(401);
        }
        HttpResponse<String> blocked = signIn(admin.email(), PASSWORD, "X-Forwarded-For", "192.0.2.99");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains(THROTTLED);
        assertThat(db.count("SELECT COUNT(DISTINCT address) FROM admin_login_failures")).isEqualTo(1);
    }

    @Test
    void anOverLongForwardedForIsIgnoredAndTheFailureIsCounted() {
        String huge = "1".repeat(5000);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> miss = signIn(admin.email(), "guess " + i, "X-Forwarded-For", huge + i);
            assertThat(miss.statusCode()).as(miss.body()).isEqualTo(401);
        }
        HttpResponse<String> blocked = signIn(admin.email(), PASSWORD, "X-Forwarded-For", huge);

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains(THROTTLED);
        assertThat(db.count("SELECT COUNT(*) FROM admin_login_failures WHERE account = ?", admin.email()))
                .isEqualTo(3);
    }

    @Test
    void aFailureThatCannotBeRecordedIsRefusedAsThrottledNotAsAServerError() throws SQLException {
        sql("CREATE TRIGGER failures_unwritable BEFORE INSERT ON admin_login_failures FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'");
        try {
            HttpResponse<String> miss = signIn(admin.email(), "guess");

            assertThat(miss.statusCode()).as(miss.body()).isEqualTo(429);
            assertThat(miss.body()).contains(THROTTLED);
        } finally {
            sql("DROP TRIGGER failures_unwritable");
        }
        assertThat(signIn(admin.email(), PASSWORD).statusCode()).isEqualTo(303);
    }

    private HttpResponse<String> signIn(String email, String password, String... headers) {
        Http http = new Http(server.getURI());
        String token = Http.csrfOf(http.get("/admin/login").body()).orElseThrow();
        return http.postForm("/admin/login", Map.of("_csrf", token, "email", email, "password", password), headers);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
