package ticketdesk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/**
 * Rules 10 and 11: a change, its event and its outbox rows commit together or not at all. A database
 * trigger makes the outbox insert fail, as a full disk or a lost connection would.
 */
@MicronautTest(transactional = false)
class AtomicChangesTest extends RecordingDatabaseTest {

    @Inject ClaimingTicket claiming;
    @Inject AuditLog audit;

    @AfterEach
    void dropTrigger() throws SQLException {
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS outbox_breaks");
        }
    }

    @Test
    void whenTheOutboxInsertFailsTheClaimAndItsEventAreRolledBack() throws SQLException {
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        Ticket ticket = world.pendingTicket(bob);
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("CREATE TRIGGER outbox_breaks BEFORE INSERT ON notifications FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'");
        }

        assertThatThrownBy(() -> claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK)))
                .hasStackTraceContaining("disk full");

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'",
                ticket.id())).isZero();
    }

    @Test
    void eventTimesKeepTheirMicroseconds() {
        Ticket ticket = world.pendingTicket(world.employee("Bob"));
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND MICROSECOND(created_at) > 0",
                ticket.id()) + db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND MICROSECOND(created_at) > 0",
                ticket.id())).isGreaterThanOrEqualTo(1);
        assertThat(audit.timeline(ticket.id())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.CREATED));
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowIsLeftOutOfTheTimelineWhileTheRestStillReads() throws SQLException {
        Ticket ticket = world.pendingTicket(world.employee("Bob"));
        try (Connection c = db.connect(); var s = c.createStatement()) {
            // as a newer instance would write during a rolling upgrade
            s.executeUpdate("INSERT INTO ticket_events (ticket_id, event_type, channel, created_at) VALUES ("
                    + ticket.id() + ", 'escalated', 'system', UTC_TIMESTAMP(6))");
        }

        assertThat(audit.timeline(ticket.id())).extracting(TicketEvent::type).containsExactly(EventType.CREATED);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id())).isEqualTo(2);
    }
}
