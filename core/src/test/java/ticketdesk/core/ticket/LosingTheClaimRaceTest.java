package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;

/**
 * The loser of a race it saw as pending: its plain read found the ticket pending, its conditional UPDATE
 * waited for the winner's row lock and changed nothing. Under REPEATABLE READ its snapshot still says
 * "pending", yet it must be told who holds the ticket.
 */
@MicronautTest(transactional = false)
class LosingTheClaimRaceTest extends DatabaseTest {

    @Inject ClaimingTicket claiming;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.transaction-isolation", "TRANSACTION_REPEATABLE_READ");
    }

    @Test
    void aClaimerWhoSawThePendingTicketAndLostIsToldTheWinner() throws Exception {
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");
        Ticket ticket = world.pendingTicket(bob);

        CompletableFuture<ClaimResult> carolsClick;
        try (Connection winner = db.connect()) {
            winner.setAutoCommit(false);
            try (PreparedStatement claim = winner.prepareStatement("UPDATE tickets SET status = 'in_process',"
                    + " responder_id = ?, claimed_at = NOW(6), updated_at = NOW(6) WHERE id = ? AND status = 'pending'")) {
                claim.setLong(1, alice.id());
                claim.setLong(2, ticket.id());
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            carolsClick = CompletableFuture.supplyAsync(() ->
                    claiming.claim(new ClaimTicket(ticket.id(), carol.id(), Channel.SLACK)));
            // Carol's UPDATE is now queued behind the winner's row lock (her plain read saw "pending")
            LockWaits.untilBlocked(db, carolsClick, "UPDATE tickets", "Carol's claim (queued behind the winner's row lock)");
            assertThat(carolsClick).isNotDone();
            winner.commit();
        }

        ClaimResult result = carolsClick.get(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(ClaimResult.AlreadyClaimed.class,
                taken -> assertThat(taken.holder().id()).isEqualTo(alice.id()));
        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(alice.id());
    }
}
