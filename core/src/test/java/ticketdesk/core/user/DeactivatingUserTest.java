package ticketdesk.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostResult;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.ticket.ClaimResult;
import ticketdesk.core.ticket.ClaimingTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.ticket.TicketQueries;
import ticketdesk.core.ticket.TicketStatus;

/** Rule 8. */
@MicronautTest(transactional = false)
class DeactivatingUserTest extends DatabaseTest {

    @Inject DeactivatingUser deactivating;
    @Inject TicketQueries queries;
    @Inject AuditLog audit;
    User root;
    User bob;

    @BeforeEach
    void setUp() {
        root = world.admin("Root");
        bob = world.employee("Bob");
    }

    @Test
    void deactivatingAResponderPutsTheirTicketsBackInThePoolWithEventsAndKeepsTheirHistory() {
        User alice = world.responder("Alice");
        Ticket first = world.claimedTicket(bob, alice);
        Ticket second = world.claimedTicket(bob, alice);

        var result = deactivating.deactivate(alice.id(), root.id(), Channel.WEB);

        assertThat(result).isInstanceOfSatisfying(DeactivatingUser.Result.Deactivated.class, d -> {
            assertThat(d.ticketsReturned()).isEqualTo(2);
            assertThat(d.user().active()).isFalse();
        });
        for (Ticket t : new Ticket[] {first, second}) {
            Ticket now = queries.byId(t.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(TicketStatus.PENDING);
            assertThat(now.responderId()).isNull();
            assertThat(audit.timeline(t.id())).extracting(e -> e.type())
                    .containsExactly(EventType.CREATED, EventType.CLAIMED, EventType.RETURNED_TO_POOL);
            assertThat(audit.timeline(t.id()).get(2).actorId()).isEqualTo(root.id());
            assertThat(audit.timeline(t.id()).get(2).newValue()).isEqualTo("responder deactivated");
        }
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_active = FALSE", alice.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE actor_id = ? AND event_type = 'claimed'",
                alice.id())).isEqualTo(2);
    }

    @Test
    void aDeactivatedUserCanNoLongerActAnywhereAndIsToldWhy() {
        User alice = world.responder("Alice");
        Ticket ticket = world.claimedTicket(bob, world.responder("Carol"));
        Ticket pending = world.pendingTicket(bob);
        deactivating.deactivate(alice.id(), root.id(), Channel.WEB);
        deactivating.deactivate(bob.id(), root.id(), Channel.WEB);

        assertThat(context.getBean(ClaimingTicket.class).claim(new ClaimTicket(pending.id(), alice.id(), Channel.SLACK)))
                .isInstanceOfSatisfying(ClaimResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INACTIVE_USER));
        assertThat(context.getBean(PostingMessage.class)
                .post(new PostMessage(ticket.id(), bob.id(), "hello?", Channel.EMAIL, "<d@x>")))
                .isInstanceOfSatisfying(PostResult.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.INACTIVE_USER));
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isZero();
    }

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        User other = world.admin("Other");
        try (var c = db.connect(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET is_active = FALSE WHERE role = 'admin' AND id NOT IN ("
                    + root.id() + ", " + other.id() + ")");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> deactivating.deactivate(other.id(), root.id(), Channel.WEB));
        var b = pool.submit(() -> deactivating.deactivate(root.id(), other.id(), Channel.WEB));
        a.get();
        b.get();
        pool.shutdown();
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = TRUE"))
                .isEqualTo(1);
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedAndReactivationRestoresTheUser() {
        User alice = world.responder("Alice");
        deactivating.deactivate(alice.id(), root.id(), Channel.WEB);
        assertThat(deactivating.reactivate(alice.id()))
                .isInstanceOfSatisfying(DeactivatingUser.Result.Reactivated.class,
                        r -> assertThat(r.user().active()).isTrue());
        assertThat(deactivating.deactivate(root.id(), root.id(), Channel.WEB))
                .isInstanceOfSatisfying(DeactivatingUser.Result.Refused.class,
                        r -> assertThat(r.refusal().message()).contains("cannot deactivate yourself"));
        try (var c = db.connect(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET is_active = FALSE WHERE role = 'admin' AND id <> " + root.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(deactivating.deactivate(root.id(), null, Channel.SYSTEM))
                .isInstanceOfSatisfying(DeactivatingUser.Result.Refused.class,
                        r -> assertThat(r.refusal().message()).contains("last active admin"));
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_active = TRUE", root.id())).isEqualTo(1);
    }
}
