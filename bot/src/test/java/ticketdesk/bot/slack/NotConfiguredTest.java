package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.outbox.Outbox;
import ticketdesk.core.testing.DatabaseTest;

/** With no Slack settings at all the service starts; /slack/events says what is missing. */
@MicronautTest(transactional = false)
class NotConfiguredTest extends DatabaseTest {

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;
    @Inject Outbox outbox;

    @Test
    void withoutASigningSecretTheEndpointAnswers503AndSaysWhatToSet() {
        HttpResponse<String> response = new SignedSlack(server.getURI(), "whatever")
                .command("U1", "bob", "printer broken", "http://127.0.0.1:9/none");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("SLACK_SIGNING_SECRET");
        assertThat(db.count("SELECT COUNT(*) FROM tickets")).isZero();
    }

    @Test
    void withoutABotTokenNothingIsQueuedForSlack() {
        assertThat(context.getBeansOfType(Notifier.class)).noneMatch(n -> n.channel() == Channel.SLACK);
        assertThat(outbox.delivers(Channel.SLACK)).isFalse();
    }
}
