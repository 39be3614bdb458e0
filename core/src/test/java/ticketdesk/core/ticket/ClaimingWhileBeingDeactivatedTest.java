package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;

/**
 * Rule 8 at the moment of deactivation: a responder clicks Claim while an admin's deactivation of them is
 * still uncommitted. The claim's plain read saw them active; it must still never leave the ticket with a
 * deactivated holder (the deactivation returns the tickets it can see, and it cannot see an uncommitted claim).
 */
@MicronautTest(transactional = false)
class ClaimingWhileBeingDeactivatedTest extends DatabaseTest {

    @Inject ClaimingTicket claiming;

    @Test
    void aClaimRacingTheClaimersDeactivationIsRefusedAndTheTicketStaysInThePool() throws Exception {
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        Ticket ticket = world.pendingTicket(bob);

        CompletableFuture<ClaimResult> alicesClick;
        try (Connection admin = db.connect()) {
            admin.setAutoCommit(false);
            try (PreparedStatement deactivate = admin.prepareStatement(
                    "UPDATE users SET is_active = FALSE WHERE id = ?")) {
                deactivate.setLong(1, alice.id());
                assertThat(deactivate.executeUpdate()).isEqualTo(1);
            }
            alicesClick = CompletableFuture.supplyAsync(() ->
                    claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK)));
            LockWaits.untilBlocked(db, alicesClick, "SELECT * FROM users", "Alice's claim (waiting for her row)");
            admin.commit();
        }

        assertThat(alicesClick.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(ClaimResult.Refused.class,
                refused -> assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.INACTIVE_USER));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'",
                ticket.id())).isZero();
    }
}
