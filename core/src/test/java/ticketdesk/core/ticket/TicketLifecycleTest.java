package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.CancelTicket;
import ticketdesk.core.ticket.Commands.ReleaseTicket;
import ticketdesk.core.ticket.Commands.ReopenTicket;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;

/** Rules 4 (resolve), 5 (reopen) and 6 (cancel), and release. */
@MicronautTest(transactional = false)
class TicketLifecycleTest extends RecordingDatabaseTest {

    @Inject ResolvingTicket resolving;
    @Inject ReopeningTicket reopening;
    @Inject CancellingTicket cancelling;
    @Inject ReleasingTicket releasing;
    @Inject DeactivatingUser deactivating;
    User bob;
    User alice;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
    }

    @Test
    void theHolderResolvesAndTheRequesterIsNotified() {
        Ticket ticket = world.claimedTicket(bob, alice);

        ChangeResult result = resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class, c -> {
            assertThat(c.ticket().status()).isEqualTo(TicketStatus.DONE);
            assertThat(c.ticket().completedAt()).isNotNull();
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'resolved'"
                + " AND from_status = 'in_process' AND to_status = 'done'", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'resolved'"
                + " AND recipient_user_id = ? AND status = 'pending'", ticket.id(), bob.id())).isEqualTo(1);
    }

    @Test
    void someoneWhoDoesNotHoldTheTicketCannotResolveItButAnAdminCan() {
        User carol = world.responder("Carol");
        User root = world.admin("Root");
        Ticket ticket = world.claimedTicket(bob, alice);

        assertThat(resolving.resolve(new ResolveTicket(ticket.id(), carol.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ChangeResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.NOT_ALLOWED));
        assertThat(resolving.resolve(new ResolveTicket(ticket.id(), root.id(), Channel.WEB)))
                .isInstanceOf(ChangeResult.Changed.class);
    }

    @Test
    void aPendingTicketCannotBeResolved() {
        User root = world.admin("Root");
        Ticket ticket = world.pendingTicket(bob);
        assertThat(resolving.resolve(new ResolveTicket(ticket.id(), root.id(), Channel.WEB)))
                .isInstanceOfSatisfying(ChangeResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_TRANSITION));
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'resolved'",
                ticket.id())).isZero();
    }

    @Test
    void theRequesterReopensWithinTheWindowAndTheTicketGoesBackToItsResponderWhoIsTold() {
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));

        ChangeResult result = reopening.reopen(new ReopenTicket(ticket.id(), bob.id(), Channel.EMAIL));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class, c -> {
            assertThat(c.ticket().status()).isEqualTo(TicketStatus.IN_PROCESS);
            assertThat(c.ticket().responderId()).isEqualTo(alice.id());
            assertThat(c.ticket().completedAt()).isNull();
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'reopened'"
                + " AND from_status = 'done' AND to_status = 'in_process'", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'reopened'"
                + " AND recipient_user_id = ? AND channel = 'email'", ticket.id(), alice.id())).isEqualTo(1);
    }

    @Test
    void aReopenedTicketWhoseResponderLeftGoesToThePool() {
        User root = world.admin("Root");
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));
        deactivating.deactivate(alice.id(), root.id(), Channel.WEB);

        ChangeResult result = reopening.reopen(new ReopenTicket(ticket.id(), bob.id(), Channel.EMAIL));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class, c -> {
            assertThat(c.ticket().status()).isEqualTo(TicketStatus.PENDING);
            assertThat(c.ticket().responderId()).isNull();
        });
    }

    @Test
    void afterTheWindowTheRequesterCannotReopen() {
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));
        try (var c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET completed_at = completed_at - INTERVAL 8 DAY WHERE id = " + ticket.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThat(reopening.reopen(new ReopenTicket(ticket.id(), bob.id(), Channel.EMAIL)))
                .isInstanceOfSatisfying(ChangeResult.Refused.class,
                        r -> assertThat(r.refusal().message()).contains("7 days"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'done'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void theRequesterCancelsAndNothingIsDeleted() {
        Ticket ticket = world.claimedTicket(bob, alice);

        ChangeResult result = cancelling.cancel(new CancelTicket(ticket.id(), bob.id(), Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Changed.class,
                c -> assertThat(c.ticket().status()).isEqualTo(TicketStatus.CANCELLED));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ?", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ?", ticket.id())).isEqualTo(3);
        assertThat(cancelling.cancel(new CancelTicket(ticket.id(), bob.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ChangeResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void anotherEmployeeCannotCancelButAnAdminCan() {
        User dave = world.employee("Dave");
        User root = world.admin("Root");
        Ticket ticket = world.pendingTicket(bob);

        assertThat(cancelling.cancel(new CancelTicket(ticket.id(), dave.id(), Channel.SLACK)))
                .isInstanceOf(ChangeResult.Refused.class);
        assertThat(cancelling.cancel(new CancelTicket(ticket.id(), root.id(), Channel.WEB)))
                .isInstanceOf(ChangeResult.Changed.class);
    }

    @Test
    void theHolderReleasesTheTicketToThePoolWithAnEvent() {
        Ticket ticket = world.claimedTicket(bob, alice);

        assertThat(releasing.release(new ReleaseTicket(ticket.id(), alice.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ChangeResult.Changed.class, c -> {
                    assertThat(c.ticket().status()).isEqualTo(TicketStatus.PENDING);
                    assertThat(c.ticket().responderId()).isNull();
                });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'released'"
                + " AND old_value = ?", ticket.id(), Long.toString(alice.id()))).isEqualTo(1);
    }
}
