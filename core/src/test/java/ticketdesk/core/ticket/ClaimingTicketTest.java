package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.Commands.ResolveTicket;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserDirectory;

@MicronautTest(transactional = false)
class ClaimingTicketTest extends DatabaseTest {

    @Inject ClaimingTicket claiming;
    @Inject ResolvingTicket resolving;
    @Inject DeactivatingUser deactivating;
    @Inject DecliningTicket declining;
    @Inject TicketQueries queries;
    @Inject UserDirectory users;
    User bob;

    @BeforeEach
    void setUp() {
        bob = world.employee("Bob");
    }

    @Test
    void aResponderClaimsAPendingTicketWithOneClaimedEvent() {
        User alice = world.responder("Alice");
        Ticket ticket = world.pendingTicket(bob);

        ClaimResult result = claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(result).isInstanceOfSatisfying(ClaimResult.Claimed.class, c -> {
            assertThat(c.ticket().status()).isEqualTo(TicketStatus.IN_PROCESS);
            assertThat(c.ticket().responderId()).isEqualTo(alice.id());
            assertThat(c.ticket().claimedAt()).isNotNull();
        });
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'"
                + " AND actor_id = ? AND from_status = 'pending' AND to_status = 'in_process' AND channel = 'slack'",
                ticket.id(), alice.id())).isEqualTo(1);
    }

    @Test
    void secondClaimerIsToldWhoHoldsTheTicket() {
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);
        claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK));

        ClaimResult second = claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK));

        // every column ClaimSight maps by position, against the same rows read the usual way
        assertThat(second).isInstanceOfSatisfying(ClaimResult.AlreadyClaimed.class, lost -> {
            assertThat(lost.holder()).isEqualTo(users.byId(alice.id()).orElseThrow());
            assertThat(lost.ticket()).isEqualTo(queries.byId(ticket.id()).orElseThrow());
            assertThat(lost.ticket().responderId()).isEqualTo(alice.id());
        });
        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(alice.id());
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'",
                ticket.id())).isEqualTo(1);
    }

    @Test
    void anEmployeeCannotClaim() {
        Ticket ticket = world.pendingTicket(bob);
        User dave = world.employee("Dave");

        assertThat(claiming.claim(new ClaimTicket(ticket.id(), dave.id(), Channel.WEB)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.WRONG_ROLE));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void anAdminMayClaim() {
        User root = world.admin("Root");
        Ticket ticket = world.pendingTicket(bob);
        assertThat(claiming.claim(new ClaimTicket(ticket.id(), root.id(), Channel.WEB)))
                .isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void aDeactivatedResponderGetsAClearRefusal() {
        User root = world.admin("Root");
        User alice = world.responder("Alice");
        deactivating.deactivate(alice.id(), root.id(), Channel.WEB);
        Ticket ticket = world.pendingTicket(bob);

        assertThat(claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class, r -> {
                    assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INACTIVE_USER);
                    assertThat(r.refusal().message()).contains("deactivated");
                });
    }

    @Test
    void anUnknownClaimerIsNotFoundAndTheTicketStaysInThePool() {
        Ticket ticket = world.pendingTicket(bob);

        assertThat(claiming.claim(new ClaimTicket(ticket.id(), 987_654, Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class, r -> {
                    assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.NOT_FOUND);
                    assertThat(r.refusal().message()).contains("user #987654");
                });
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void aResponderWhoDeclinedIsToldSoAlsoOnceSomeoneElseHoldsTheTicket() {
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);
        declining.decline(new DeclineTicket(ticket.id(), carol.id(), Channel.SLACK));

        assertThat(claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.DECLINED));
        claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK));
        assertThat(claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.DECLINED));
        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(alice.id());
    }

    @Test
    void anUnknownTicketIsNotFound() {
        User alice = world.responder("Alice");
        assertThat(claiming.claim(new ClaimTicket(987_654, alice.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
    }

    @Test
    void aResolvedTicketCannotBeClaimed() {
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        Ticket ticket = world.claimedTicket(bob, alice);
        resolving.resolve(new ResolveTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_TRANSITION));
    }
}
