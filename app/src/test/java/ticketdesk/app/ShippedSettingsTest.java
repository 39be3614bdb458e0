package ticketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.TestDatabase;

/** What application.yml and the app's own beans set: the panel's guard and MySQL Connector/J's settings. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@Property(name = "slack.signing-secret", value = "shipped-settings-test-secret")
@Property(name = "mail.inbound-token", value = "shipped-settings-test-token")
class ShippedSettingsTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Test
    void thePanelStillWantsASessionWithTheSecurityFilterLimitedToIt() {
        for (String page : new String[] {"/admin", "/admin/tickets", "/admin/users", "/admin/audit"}) {
            HttpResponse<String> response = exchange(HttpRequest.GET(page));
            assertThat(response.code()).as(page).isIn(302, 303, 401, 403);
            assertThat(String.valueOf(response.body())).as(page).doesNotContain("<table");
        }
        assertThat(exchange(HttpRequest.GET("/admin/login")).code()).isEqualTo(200);
    }

    /**
     * The session filter runs on /admin/** only (application.yml), so every other route must check its own
     * proof. A new route outside /admin fails here until it is added with the proof it checks.
     */
    @Test
    void everyRouteOutsideThePanelIsOneThatChecksItsOwnProof() {
        Map<String, String> outsideThePanel = Map.of(
                "/slack/events", "Slack's signature",
                "/mail/inbound", "the MAIL_INBOUND_TOKEN bearer token",
                "/mail/confirm/{token}", "the signed token in the link",
                "/health", "nothing: UP or DOWN only, no details",
                "/health/{selector}", "nothing: UP or DOWN only, no details",
                "/metrics", "the TICKETDESK_METRICS_TOKEN bearer token",
                "/api/openapi.yml", "nothing: the API's public description",
                "/api/docs", "nothing: the page that renders it",
                "/api/docs/docs.js", "nothing: the page's script",
                "/api/docs/{asset}", "nothing: Swagger UI's files");
        Set<String> routes = router.uriRoutes().map(route -> route.getUriMatchTemplate().toString())
                .filter(uri -> !uri.equals("/admin") && !uri.startsWith("/admin/"))
                // the API's routes: ApiTokenFilter refuses every one without a live token (ApiTokensTest)
                .filter(uri -> !uri.startsWith("/api/v1/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).isNotEmpty().isSubsetOf(outsideThePanel.keySet());
    }

    @Test
    void theApiAndTheMetricsRefuseCallsWithoutTheirToken() {
        HttpResponse<String> api = exchange(HttpRequest.GET("/api/v1/tickets"));
        assertThat(api.code()).isEqualTo(401);
        assertThat(api.getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
        assertThat(exchange(HttpRequest.GET("/api/v1/users").bearerAuth("td_0123456789ab_" + "A".repeat(43)))
                .code()).isEqualTo(401);
        assertThat(exchange(HttpRequest.GET("/metrics")).code()).isEqualTo(401);
        assertThat(String.valueOf(exchange(HttpRequest.GET("/metrics")).body())).doesNotContain("ticketdesk_");
    }

    @Test
    void slackAndInboundMailStillRefuseWhatIsNotSignedOrTokened() {
        assertThat(exchange(HttpRequest.POST("/slack/events", "payload=%7B%7D")
                .contentType("application/x-www-form-urlencoded")).code()).isEqualTo(401);
        assertThat(exchange(HttpRequest.POST("/slack/events", "payload=%7B%7D")
                .header("X-Slack-Request-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .contentType("application/x-www-form-urlencoded")).code()).isEqualTo(401);
        assertThat(exchange(HttpRequest.POST("/mail/inbound", "Subject: hi\r\n\r\nhello")
                .contentType("message/rfc822")).code()).isEqualTo(401);
        assertThat(exchange(HttpRequest.POST("/mail/inbound", "Subject: hi\r\n\r\nhello")
                .header("Authorization", "Bearer not-the-token").contentType("message/rfc822")).code())
                .isEqualTo(401);
        assertThat(db.count("SELECT COUNT(*) FROM tickets")).isZero();
    }

    @Test
    void connectorJCachesStatementsAndSessionStateOnAJdbcMysqlUrl() throws Exception {
        TestDatabase mysql = TestDatabase.fresh();
        Map<String, Object> properties = Map.of(
                "datasources.default.url", "jdbc:mysql://127.0.0.1:3306/" + mysql.name() + "?useSSL=false",
                "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                "datasources.default.username", TestDatabase.USER,
                "datasources.default.password", TestDatabase.PASSWORD,
                "micronaut.server.port", -1,
                "ticketdesk.outbox.enabled", false);
        try (ApplicationContext context = ApplicationContext.run(properties);
             Connection connection = context.getBean(DataSourceResolver.class)
                     .resolve(context.getBean(DataSource.class)).getConnection()) {
            var settings = connection.unwrap(JdbcConnection.class).getPropertySet();
            for (String name : MySqlDriverSettings.SETTINGS.keySet()) {
                assertThat(settings.getProperty(name).getStringValue()).as(name)
                        .isEqualToIgnoringCase(MySqlDriverSettings.SETTINGS.get(name));
            }
        } finally {
            mysql.drop();
        }
    }

    private HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
