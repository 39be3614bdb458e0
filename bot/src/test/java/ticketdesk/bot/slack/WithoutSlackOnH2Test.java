package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.outbox.Outbox;

/**
 * The one-command start: embedded H2 in MySQL mode and no Slack settings at all. The service starts, the bot's
 * migration runs on H2, nothing is queued for Slack, and /slack/events says what to configure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutSlackOnH2Test {

    private static final String H2 = "jdbc:h2:mem:bot-nothing-configured;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", H2,
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver",
                "flyway.datasources.default.enabled", "true",
                "ticketdesk.outbox.enabled", "false"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theEndpointAnswers503AndSaysWhatToSet() {
        HttpResponse<String> response = new SignedSlack(server.getURI(), "whatever")
                .command("U1", "bob", "printer broken", "http://127.0.0.1:9/none");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("SLACK_SIGNING_SECRET");
    }

    @Test
    void nothingIsQueuedForSlackAndTheBotsTablesExist() throws Exception {
        ApplicationContext context = server.getApplicationContext();
        assertThat(context.getBeansOfType(Notifier.class)).noneMatch(n -> n.channel() == Channel.SLACK);
        assertThat(context.getBean(Outbox.class).delivers(Channel.SLACK)).isFalse();
        try (Connection c = DriverManager.getConnection(H2, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM slack_ticket_posts)"
                     + " + (SELECT COUNT(*) FROM slack_message_posts)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
