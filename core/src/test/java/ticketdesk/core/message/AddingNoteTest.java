package ticketdesk.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.Refusal;
import ticketdesk.core.testing.RecordingDatabaseTest;
import ticketdesk.core.ticket.Commands.DeclineTicket;
import ticketdesk.core.ticket.DecliningTicket;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** Rule 14: internal notes reach responders and admins where they follow tickets, never the requester. */
@MicronautTest(transactional = false)
class AddingNoteTest extends RecordingDatabaseTest {

    @Inject AddingNote noting;
    @Inject DecliningTicket declining;
    User bob;
    User alice;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("ticketdesk.test.recording-feed", "true");
    }

    @BeforeEach
    void setUp() {
        // the requester is linked on the chat platform too: a direct message would reach them there
        bob = world.user("Bob", Role.EMPLOYEE, "UBOB" + System.nanoTime() % 100_000);
        alice = world.responder("Alice");
    }

    @Test
    void theHoldersNoteIsStoredAsANoteAndReachesTheFeedAndNeverTheRequester() {
        Ticket ticket = world.claimedTicket(bob, alice);

        PostResult result = noting.add(new AddNote(ticket.id(), alice.id(), "asked facilities; waiting for the part",
                Channel.WEB, null));

        assertThat(result).isInstanceOf(PostResult.Posted.class);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND message_type = 'note'"
                + " AND receiver_id IS NULL AND body = 'asked facilities; waiting for the part'", ticket.id()))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'note'"
                + " AND actor_id = ?", ticket.id(), alice.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'internal_note'"
                + " AND channel = 'slack' AND recipient_user_id IS NULL", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND recipient_user_id = ?"
                + " AND kind IN ('internal_note', 'message')", ticket.id(), bob.id())).isZero();
    }

    @Test
    void aNoteReachesEveryResponderAndAdminWhoFollowsNoFeedByEmailButNotItsAuthor() {
        Ticket ticket = world.claimedTicket(bob, alice);
        User carol = world.responder("Carol");
        User admin = world.admin("Ada");
        User onSlack = world.user("Sam", Role.RESPONDER, "USAM" + System.nanoTime() % 100_000);

        noting.add(new AddNote(ticket.id(), admin.id(), "this one is for the VIP list", Channel.WEB, null));

        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'internal_note'"
                + " AND channel = 'email' AND recipient_user_id IN (?, ?)", ticket.id(), alice.id(), carol.id()))
                .isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'internal_note'"
                + " AND recipient_user_id IN (?, ?, ?)", ticket.id(), admin.id(), onSlack.id(), bob.id())).isZero();
    }

    @Test
    void anEmployeeCannotWriteANote() {
        Ticket ticket = world.claimedTicket(bob, alice);

        assertRefused(noting.add(new AddNote(ticket.id(), bob.id(), "let me see the notes", Channel.EMAIL, null)),
                Refusal.Reason.WRONG_ROLE);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isZero();
    }

    @Test
    void aResponderWhoDeclinedTheTicketCannotNoteIt() {
        Ticket ticket = world.pendingTicket(bob);
        User carol = world.responder("Carol");
        declining.decline(new DeclineTicket(ticket.id(), carol.id(), Channel.SLACK));

        assertRefused(noting.add(new AddNote(ticket.id(), carol.id(), "not mine", Channel.SLACK, null)),
                Refusal.Reason.NOT_FOUND);
    }

    @Test
    void anEmptyNoteIsRefused() {
        Ticket ticket = world.claimedTicket(bob, alice);

        assertRefused(noting.add(new AddNote(ticket.id(), alice.id(), "  \n ", Channel.SLACK, null)),
                Refusal.Reason.INVALID_INPUT);
    }

    @Test
    void theSameNoteDeliveredTwiceIsStoredOnce() {
        Ticket ticket = world.claimedTicket(bob, alice);
        AddNote note = new AddNote(ticket.id(), alice.id(), "rebooted the switch", Channel.SLACK, "1700000000.000100");

        noting.add(note);
        PostResult again = noting.add(note);

        assertThat(again).isInstanceOf(PostResult.Duplicate.class);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND message_type = 'note'", ticket.id()))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'note'",
                ticket.id())).isEqualTo(1);
    }

    private static void assertRefused(PostResult result, Refusal.Reason reason) {
        assertThat(result).isInstanceOfSatisfying(PostResult.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(reason));
    }
}
