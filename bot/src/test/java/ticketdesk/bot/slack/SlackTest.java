package ticketdesk.bot.slack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.User;

/**
 * Base of the bot's scenario tests: the whole service on its own MariaDB database, Slack's Web API played
 * by {@link FakeSlack} over a real socket, and requests to /slack/events signed as Slack signs them.
 */
abstract class SlackTest extends DatabaseTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String RESPONDERS = "CRESP";
    /** The team of every payload {@link Payloads} and {@link SignedSlack} build, unless a test says otherwise. */
    static final String TEAM = "T1";

    protected final FakeSlack slack = FakeSlack.start();

    @Inject ApplicationContext context;
    @Inject EmbeddedServer server;
    @Inject OutboxWorker outbox;
    protected World world;
    protected SignedSlack signed;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        // as app/application.yml runs it; under MariaDB's default REPEATABLE READ a losing claimer reads a stale snapshot
        p.put("datasources.default.transaction-isolation", "TRANSACTION_READ_COMMITTED");
        p.put("slack.signing-secret", SECRET);
        p.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        p.put("slack.api-url", slack.apiUrl());
        p.put("slack.responder-channel", RESPONDERS);
        p.put("slack.team-id", TEAM);
        p.put("slack.response-url-prefix", slack.base());
        p.put("ticketdesk.outbox.base-delay", "10ms");
        p.put("ticketdesk.outbox.max-delay", "50ms");
        return p;
    }

    @BeforeEach
    void setUpSlack() {
        world = new World(context);
        signed = new SignedSlack(server.getURI(), SECRET);
        slack.reset();
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    /**
     * A connection whose open transaction holds {@code user}'s row, so anything done as them waits on the
     * database until it is rolled back (or closed).
     */
    Connection holdingTheRowOf(User user) throws SQLException {
        Connection stuck = db.connect();
        stuck.setAutoCommit(false);
        try (PreparedStatement lock = stuck.prepareStatement("SELECT * FROM users WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, user.id());
            lock.executeQuery().close();
        }
        return stuck;
    }

    /** Delivers the outbox until nothing is due, waiting out short back-offs. */
    void deliver() {
        outbox.drain();
    }

    /** Waits (a bounded time) for something done after the ack. */
    static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
