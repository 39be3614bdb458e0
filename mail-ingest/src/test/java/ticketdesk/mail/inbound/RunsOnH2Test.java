package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.outbound.ReplyTokens;
import ticketdesk.mail.outbound.SentMessages;

/** The one-command start runs on embedded H2 in MySQL mode: this module's migration and SQL must too. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsOnH2Test implements TestPropertyProvider {

    @Inject ApplicationContext context;
    @Inject InboundPipeline pipeline;
    @Inject ImapCursors cursors;
    @Inject SentMessages sent;
    @Inject ReplyTokens tokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:mail" + System.nanoTime()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        p.put("flyway.datasources.default.enabled", "true");
        p.put("ticketdesk.outbox.enabled", "false");
        return p;
    }

    @Test
    void theInboundPipelineAndItsBookkeepingWorkOnH2() {
        User carol = new World(context).employee("Carol");
        byte[] raw = Emails.wire(Emails.plain(carol.email(), "support@ticketdesk.test", "Projector flickers", null,
                null, "", "Every few seconds."));

        InboundPipeline.Received first = pipeline.receive(raw, "test");
        InboundPipeline.Received again = pipeline.receive(raw, "test");

        assertThat(first.outcome()).isEqualTo(Outcome.OPENED_TICKET);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.earlier()).isEqualTo(Outcome.OPENED_TICKET);
        assertThat(cursors.holdLease("one", Duration.ofMinutes(1))).isTrue();
        assertThat(cursors.holdLease("two", Duration.ofMinutes(1))).isFalse();
        cursors.advance("box", 7, 42);
        cursors.advance("box", 7, 43);
        assertThat(cursors.lastUid("box", 7)).isEqualTo(43);
        assertThat(cursors.lastUid("box", 8)).isZero();
        sent.remember("<a@b>", first.ticketId(), carol.id(), 1, "opened");
        sent.remember("<a@b>", first.ticketId(), carol.id(), 1, "opened");
        assertThat(sent.find("<a@b>")).isPresent();
        assertThat(sent.previous(first.ticketId(), carol.id(), 2)).contains("<a@b>");
        assertThat(tokens.read(List.of(tokens.replyTo(first.ticketId(), carol.id())))).isPresent();
    }
}
