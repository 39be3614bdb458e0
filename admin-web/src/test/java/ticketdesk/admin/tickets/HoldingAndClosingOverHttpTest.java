package ticketdesk.admin.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;

/** The forms that move a ticket between people and statuses: each one's happy path and a refusal, in the rows. */
@MicronautTest(transactional = false)
class HoldingAndClosingOverHttpTest extends TicketFormsHttpTest {

    private static final Pattern BUTTON = Pattern.compile("<button id=\"([a-z-]+)\"");

    @Test
    void theAdminClaimsAPendingTicket() {
        Ticket ticket = world.pendingTicket(requester);

        post(ticket, "claim");

        assertThat(flash(ticket)).isEqualTo("notice: You claimed ticket #" + ticket.id() + ".");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process' AND responder_id = ?",
                ticket.id(), admin.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'"
                + " AND actor_id = ? AND channel = 'web'", ticket.id(), admin.id())).isOne();
    }

    @Test
    void aClaimOfATicketSomeoneElseHoldsSaysWhoAndChangesNothing() {
        Ticket ticket = world.claimedTicket(requester, alice);
        String before = state(ticket);

        post(ticket, "claim");

        assertThat(flash(ticket)).isEqualTo("error: Ticket #" + ticket.id() + " is already claimed by Alice Responder.");
        assertThat(state(ticket)).isEqualTo(before);
    }

    @Test
    void handingOverGivesTheTicketToTheColleagueWithAHandedOverEvent() {
        Ticket ticket = world.claimedTicket(requester, alice);
        User dave = world.responder("Dave Responder");

        post(ticket, "hand-over", Map.of("to", Long.toString(dave.id())));

        assertThat(flash(ticket)).isEqualTo("notice: Ticket #" + ticket.id() + " is now held by Dave Responder.");
        assertThat(db.count("SELECT responder_id FROM tickets WHERE id = ?", ticket.id())).isEqualTo(dave.id());
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'handed_over'"
                + " AND actor_id = ? AND old_value = ? AND new_value = ? AND channel = 'web'", ticket.id(), admin.id(),
                String.valueOf(alice.id()), String.valueOf(dave.id()))).isOne();
        assertThat(page(ticket)).contains("held by Alice Responder; now Dave Responder");
    }

    @Test
    void handingOverToSomeoneWhoDeclinedTheTicketIsRefusedAndChangesNothing() {
        Ticket ticket = world.pendingTicket(requester);
        User carol = world.responder("Carol Responder");
        decline(ticket, carol);
        world.claim(ticket, alice);
        String before = state(ticket);

        post(ticket, "hand-over", Map.of("to", Long.toString(carol.id())));

        assertThat(flash(ticket)).isEqualTo("error: Carol Responder declined ticket #" + ticket.id()
                + ", so it cannot be given to them.");
        assertThat(state(ticket)).isEqualTo(before);
        post(ticket, "hand-over", Map.of("to", "nobody"));
        assertThat(flash(ticket)).isEqualTo("error: Choose who should hold ticket #" + ticket.id() + ".");
        assertThat(state(ticket)).isEqualTo(before);
    }

    @Test
    void assigningAPendingTicketIsRecordedAsAnAssignment() {
        Ticket ticket = world.pendingTicket(requester);

        post(ticket, "hand-over", Map.of("to", Long.toString(alice.id())));

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process' AND responder_id = ?",
                ticket.id(), alice.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'assigned'"
                + " AND actor_id = ? AND new_value = ?", ticket.id(), admin.id(), String.valueOf(alice.id()))).isOne();
        assertThat(page(ticket)).contains("now held by Alice Responder");
    }

    @Test
    void takingOverIsRecordedAsATakeOverAndRefusedOnceTheTicketIsDone() {
        Ticket ticket = world.claimedTicket(requester, alice);
        post(ticket, "take-over");
        assertThat(flash(ticket)).isEqualTo("notice: You now hold ticket #" + ticket.id() + ".");
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'taken_over'"
                + " AND actor_id = ? AND old_value = ? AND new_value = ?", ticket.id(), admin.id(),
                String.valueOf(alice.id()), String.valueOf(admin.id()))).isOne();

        Ticket done = resolved(alice);
        String before = state(done);
        post(done, "take-over");
        assertThat(flash(done)).isEqualTo("error: Ticket #" + done.id() + " is done and cannot be handed over.");
        assertThat(state(done)).isEqualTo(before);
    }

    @Test
    void releasingReturnsTheTicketToThePoolButNotOneThatIsNotClaimed() {
        Ticket ticket = world.claimedTicket(requester, alice);
        post(ticket, "release");
        assertThat(flash(ticket)).isEqualTo("notice: Ticket #" + ticket.id() + " is back in the pool.");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isOne();
        assertThat(events(ticket, "released")).isOne();

        String before = state(ticket);
        post(ticket, "release");
        assertThat(flash(ticket)).isEqualTo("error: Ticket #" + ticket.id() + " is not claimed.");
        assertThat(state(ticket)).isEqualTo(before);
    }

    @Test
    void resolvingMarksTheTicketDoneButNotAPendingOne() {
        Ticket ticket = world.claimedTicket(requester, alice);
        post(ticket, "resolve");
        assertThat(flash(ticket)).isEqualTo("notice: Ticket #" + ticket.id() + " resolved.");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'done'"
                + " AND completed_at IS NOT NULL", ticket.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'resolved'"
                + " AND actor_id = ? AND channel = 'web'", ticket.id(), admin.id())).isOne();

        Ticket pending = world.pendingTicket(requester);
        String before = state(pending);
        post(pending, "resolve");
        assertThat(flash(pending)).isEqualTo("error: Ticket #" + pending.id()
                + " is pending; only a claimed ticket can be resolved.");
        assertThat(state(pending)).isEqualTo(before);
    }

    @Test
    void reopeningGivesADoneTicketBackToItsResponderButLeavesAnOpenOneAlone() {
        Ticket ticket = resolved(alice);
        post(ticket, "reopen");
        assertThat(flash(ticket)).isEqualTo("notice: Ticket #" + ticket.id()
                + " reopened; Alice Responder holds it again.");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process'"
                + " AND responder_id = ? AND completed_at IS NULL", ticket.id(), alice.id())).isOne();
        assertThat(events(ticket, "reopened")).isOne();

        String before = state(ticket);
        post(ticket, "reopen");
        assertThat(flash(ticket)).isEqualTo("error: Ticket #" + ticket.id() + " is not resolved.");
        assertThat(state(ticket)).isEqualTo(before);
    }

    @Test
    void cancellingClosesTheTicketOnce() {
        Ticket ticket = world.claimedTicket(requester, alice);
        post(ticket, "cancel");
        assertThat(flash(ticket)).isEqualTo("notice: Ticket #" + ticket.id() + " cancelled.");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'cancelled'", ticket.id())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'cancelled'"
                + " AND actor_id = ? AND channel = 'web'", ticket.id(), admin.id())).isOne();

        String before = state(ticket);
        post(ticket, "cancel");
        assertThat(flash(ticket)).isEqualTo("error: Ticket #" + ticket.id() + " is already cancelled.");
        assertThat(state(ticket)).isEqualTo(before);
    }

    @Test
    void thePageOffersTheFormsThatFitTheTicketsStatusAndOnlyColleaguesWhoMayTakeIt() {
        User cora = world.responder("Cora Responder");
        world.responder("Frank Responder");
        Ticket pending = world.pendingTicket(requester);
        decline(pending, cora);
        assertThat(buttons(pending)).containsExactly("claim", "cancel", "hand-over", "save-changes", "add-note");
        assertThat(page(pending)).contains(">Assign to<", "Alice Responder (responder)")
                .doesNotContain("Cora Responder (responder)", "Ada Admin (admin)");

        world.claim(pending, alice);
        assertThat(buttons(pending)).containsExactly("take-over", "resolve", "release", "cancel", "hand-over",
                "save-changes", "add-note");
        assertThat(page(pending)).contains(">Hand over to<").doesNotContain("Alice Responder (responder)",
                "Cora Responder (responder)");

        assertThat(buttons(resolved(alice))).containsExactly("reopen", "save-changes", "add-note");
    }

    /** The ids of the page's form buttons, in the page's order. */
    private List<String> buttons(Ticket ticket) {
        return BUTTON.matcher(page(ticket)).results().map(m -> m.group(1)).toList();
    }
}
