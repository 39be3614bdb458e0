package ticketdesk.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.testing.RecordingNotifier;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.user.User;

/** The default install runs on embedded H2 in MySQL mode: the same migrations and queries must work there. */
class EmbeddedH2Test {

    private static final String URL = "jdbc:h2:mem:ticketdesk_h2_test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void migrationsAndTheTicketRulesWorkOnEmbeddedH2() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", URL);
        props.put("datasources.default.username", "sa");
        props.put("datasources.default.password", "");
        props.put("datasources.default.driver-class-name", "org.h2.Driver");
        props.put("flyway.datasources.default.enabled", "true");
        props.put("ticketdesk.outbox.enabled", "false");
        props.put("ticketdesk.test.recording-notifier", "true");
        try (ApplicationContext context = ApplicationContext.run(props, "test")) {
            World world = new World(context);
            User bob = world.employee("Bob");
            User alice = world.responder("Alice");
            User carol = world.responder("Carol");
            Ticket ticket = world.pendingTicket(bob);

            context.getBean(DecliningTicket.class).decline(new DeclineTicket(ticket.id(), carol.id(), Channel.SLACK));
            assertThat(context.getBean(TicketQueries.class).poolFor(carol.id())).isEmpty();
            assertThat(context.getBean(ClaimingTicket.class).claim(new ClaimTicket(ticket.id(), alice.id(),
                    Channel.SLACK))).isInstanceOf(ClaimResult.Claimed.class);
            assertThat(context.getBean(ClaimingTicket.class).claim(new ClaimTicket(ticket.id(), carol.id(),
                    Channel.SLACK))).isInstanceOf(ClaimResult.Refused.class);

            context.getBean(OutboxWorker.class).drain();
            assertThat(context.getBean(RecordingNotifier.class).delivered).isNotEmpty();

            try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
                TreeSet<String> tables = new TreeSet<>();
                try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME").toLowerCase());
                    }
                }
                assertThat(tables).contains("users", "user_identities", "tickets", "ticket_responder_log",
                        "ticket_events", "messages", "notifications", "inbound_emails");
            }
        }
    }
}
