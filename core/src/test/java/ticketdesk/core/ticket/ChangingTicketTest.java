package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.ChangeTicket;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.user.User;

/** Rule 12: who may change a ticket's fields, and the one event per changed field. */
@MicronautTest(transactional = false)
class ChangingTicketTest extends RecordingDatabaseTest {

    @Inject ChangingTicket changing;
    @Inject ResolvingTicket resolving;
    User bob;
    User alice;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
    }

    @Test
    void theRequesterCorrectsTheirPendingTicketWithOneEventPerChangedField() {
        Ticket ticket = world.pendingTicket(bob, "printr broken");

        ChangeResult result = changing.change(new ChangeTicket(ticket.id(), bob.id(), " printer broken ", null,
                Priority.MEDIUM, "hardware", Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class, c -> {
            assertThat(c.ticket().title()).isEqualTo("printer broken");
            assertThat(c.ticket().category()).isEqualTo("hardware");
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'"
                + " AND field = 'title' AND old_value = 'printr broken' AND new_value = 'printer broken'"
                + " AND actor_id = ? AND channel = 'slack'", ticket.id(), bob.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'"
                + " AND field = 'category' AND old_value IS NULL AND new_value = 'hardware'", ticket.id())).isEqualTo(1);
        // the priority was already medium: no event for it
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'",
                ticket.id())).isEqualTo(2);
    }

    @Test
    void theHolderRaisesThePriorityAndTheRequesterIsToldButNotTheHolder() {
        Ticket ticket = world.claimedTicket(bob, alice);

        changing.change(new ChangeTicket(ticket.id(), alice.id(), null, null, Priority.URGENT, null, Channel.WEB));

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND priority = 'urgent'", ticket.id()))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'"
                + " AND field = 'priority' AND old_value = 'medium' AND new_value = 'urgent'", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'edited'"
                + " AND recipient_user_id = ? AND payload LIKE '%priority%'", ticket.id(), bob.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'edited'"
                + " AND recipient_user_id = ?", ticket.id(), alice.id())).isZero();
    }

    @Test
    void theRequesterCannotChangeATicketOnceItIsClaimed() {
        Ticket ticket = world.claimedTicket(bob, alice);

        assertRefused(changing.change(new ChangeTicket(ticket.id(), bob.id(), "something else", null, null, null,
                Channel.EMAIL)), Refusal.Reason.NOT_ALLOWED);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND title = 'printer broken'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void aResponderWhoDoesNotHoldTheTicketCannotChangeIt() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User carol = world.responder("Carol");

        assertRefused(changing.change(new ChangeTicket(ticket.id(), carol.id(), null, null, Priority.LOW, null,
                Channel.SLACK)), Refusal.Reason.NOT_ALLOWED);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'",
                ticket.id())).isZero();
    }

    @Test
    void onlyAnAdminChangesAResolvedTicket() {
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));
        User admin = world.admin("Ada");

        assertRefused(changing.change(new ChangeTicket(ticket.id(), alice.id(), null, null, null, "network",
                Channel.SLACK)), Refusal.Reason.ILLEGAL_TRANSITION);
        assertThat(changing.change(new ChangeTicket(ticket.id(), admin.id(), null, null, null, "network",
                Channel.WEB))).isInstanceOf(ChangeResult.Changed.class);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND category = 'network' AND status = 'done'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void aBlankTitleIsRefusedAndNothingChanges() {
        Ticket ticket = world.pendingTicket(bob);

        assertRefused(changing.change(new ChangeTicket(ticket.id(), bob.id(), "   ", "more detail", null, null,
                Channel.WEB)), Refusal.Reason.INVALID_INPUT);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND description IS NULL", ticket.id()))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'changed'",
                ticket.id())).isZero();
    }

    @Test
    void aBlankCategoryClearsIt() {
        Ticket ticket = world.pendingTicket(bob);
        changing.change(new ChangeTicket(ticket.id(), bob.id(), null, null, null, "hardware", Channel.WEB));

        changing.change(new ChangeTicket(ticket.id(), bob.id(), null, null, null, "", Channel.WEB));

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND category IS NULL", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND field = 'category'"
                + " AND old_value = 'hardware' AND new_value IS NULL", ticket.id())).isEqualTo(1);
    }

    private static void assertRefused(ChangeResult result, Refusal.Reason reason) {
        assertThat(result).isInstanceOfSatisfying(ChangeResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(reason));
    }
}
