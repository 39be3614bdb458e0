package ticketdesk.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.ClaimTicket;
import ticketdesk.core.user.User;

/** Who hears about what (rule 1's "responders are notified", rule 4's "the requester is notified"). */
@MicronautTest(transactional = false)
class AnnouncementsTest extends RecordingDatabaseTest {

    @Inject ClaimingTicket claiming;

    @Test
    void aNewTicketIsAnnouncedToEveryActiveResponderButNotToEmployees() {
        User bob = world.employee("Bob");
        User dave = world.employee("Dave");
        User alice = world.responder("Alice");
        User carol = world.responder("Carol");

        Ticket ticket = world.pendingTicket(bob, "vpn down", Source.SLACK);

        for (User responder : new User[] {alice, carol}) {
            assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND recipient_user_id = ?"
                    + " AND kind = 'opened' AND channel = 'email'", ticket.id(), responder.id())).isEqualTo(1);
        }
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND recipient_user_id IN (?, ?)",
                ticket.id(), bob.id(), dave.id())).isZero();
    }

    @Test
    void respondersOnSlackFollowTheChannelSoOnlyTheOthersAreReachedByEmail() {
        User onSlack = world.user("Sam", ticketdesk.core.user.Role.RESPONDER, "U0SAM");
        User emailOnly = world.responder("Erin");
        var reached = context.getBean(ticketdesk.core.user.UserDirectory.class).activeWithRoleReachedOnlyByEmail(
                ticketdesk.core.user.Role.RESPONDER, java.util.List.of(ticketdesk.core.user.Platform.SLACK));
        assertThat(reached).extracting(User::id).contains(emailOnly.id()).doesNotContain(onSlack.id());
    }

    @Test
    void theRequesterHearsOfTheClaimButTheClaimerDoesNot() {
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        Ticket ticket = world.pendingTicket(bob, "monitor flickers", Source.SLACK);

        claiming.claim(new ClaimTicket(ticket.id(), alice.id(), Channel.SLACK));

        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'claimed'"
                + " AND recipient_user_id = ?", ticket.id(), bob.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'claimed'"
                + " AND recipient_user_id = ?", ticket.id(), alice.id())).isZero();
    }
}
