package ticketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;

/** The whole service, every module wired, on MariaDB: healthy, and the tables of DESIGN.md are there. */
@MicronautTest(transactional = false)
class HealthOnMariaDbTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void healthAnswersUpOnceTheDatabaseIsReachable() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theTablesOfTheDesignExistOnMariaDb() throws Exception {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(db.name(), null, "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("users", "user_identities", "tickets", "ticket_responder_log", "ticket_events",
                "messages", "notifications", "inbound_emails");
    }

    @Test
    void theFirstAdminExists() {
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = TRUE"
                + " AND password_hash LIKE '$argon2id$%'")).isEqualTo(1);
    }
}
