package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.Commands.ReleaseTicket;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class DecliningTicketTest extends RecordingDatabaseTest {

    @Inject DecliningTicket declining;
    @Inject ClaimingTicket claiming;
    @Inject ReleasingTicket releasing;
    @Inject TicketQueries queries;
    User bob;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
    }

    @Test
    void declinedResponderNeverSeesTheTicketAgainNorClaimsItEvenAfterItReturnsToPending() {
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);

        assertThat(declining.decline(new DeclineTicket(ticket.id(), alice.id(), Channel.SLACK)))
                .isInstanceOf(DeclineResult.Declined.class);
        assertThat(queries.poolFor(alice.id())).extracting(Ticket::id).doesNotContain(ticket.id());
        assertThat(queries.poolFor(carol.id())).extracting(Ticket::id).contains(ticket.id());

        claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK));
        releasing.release(new ReleaseTicket(ticket.id(), carol.id(), Channel.SLACK));
        assertThat(queries.byId(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.PENDING);

        assertThat(queries.poolFor(alice.id())).extracting(Ticket::id).doesNotContain(ticket.id());
        assertThat(queries.visibleTo(alice.id())).extracting(Ticket::id).doesNotContain(ticket.id());
        assertThat(queries.viewAs(alice.id(), ticket.id())).isEmpty();
        assertThat(claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.DECLINED));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void declineIsRecordedOnceHoweverOftenItIsClicked() {
        User alice = world.responder("Alice");
        world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);

        declining.decline(new DeclineTicket(ticket.id(), alice.id(), Channel.SLACK));
        DeclineResult again = declining.decline(new DeclineTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(again).isInstanceOfSatisfying(DeclineResult.Declined.class,
                d -> assertThat(d.alreadyDeclined()).isTrue());
        assertThat(db.count("SELECT COUNT(*) FROM ticket_responder_log WHERE ticket_id = ? AND responder_id = ?"
                + " AND state = 'declined'", ticket.id(), alice.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'declined'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void aHolderWhoDeclinesGivesTheTicketBackToThePool() {
        User alice = world.responder("Alice");
        world.responder("Carol");
        Ticket ticket = world.claimedTicket(bob, alice);

        DeclineResult result = declining.decline(new DeclineTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(DeclineResult.Declined.class, d -> {
            assertThat(d.returnedToPool()).isTrue();
            assertThat(d.ticket().status()).isEqualTo(TicketStatus.PENDING);
            assertThat(d.ticket().responderId()).isNull();
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'declined'"
                + " AND from_status = 'in_process' AND to_status = 'pending'", ticket.id())).isEqualTo(1);
    }

    @Test
    void whenEveryActiveResponderHasDeclinedTheAdminsAreAlerted() {
        User root = world.admin("Root");
        world.responder("Alice");
        world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);
        for (User r : context.getBean(ticketdesk.core.user.UserDirectory.class)
                .activeWithRole(ticketdesk.core.user.Role.RESPONDER)) {
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE kind = 'all_declined' AND ticket_id = ?",
                    ticket.id())).isZero();
            declining.decline(new DeclineTicket(ticket.id(), r.id(), Channel.SLACK));
        }

        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE kind = 'all_declined' AND ticket_id = ?"
                + " AND recipient_user_id = ? AND channel = 'email'", ticket.id(), root.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'all_declined'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void anEmployeeCannotDecline() {
        Ticket ticket = world.pendingTicket(bob);
        User dave = world.employee("Dave");
        assertThat(declining.decline(new DeclineTicket(ticket.id(), dave.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(DeclineResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.WRONG_ROLE));
        assertThat(db.count("SELECT COUNT(*) FROM ticket_responder_log WHERE ticket_id = ?", ticket.id())).isZero();
    }
}
