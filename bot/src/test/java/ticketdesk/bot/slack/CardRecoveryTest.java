package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * Issue 11, point 6 within one instance: a card Slack posted but whose answer was lost, or whose poster died
 * before storing its ts, is found by its metadata and adopted; the ticket keeps one card, which shows the
 * ticket as it is, and no notification fails for it. (The two-instance test kills a jar mid-post.)
 */
@MicronautTest(transactional = false)
class CardRecoveryTest extends SlackTest {

    @Inject SlackWeb web;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = super.extraProperties();
        p.put("slack.card-posting-lease", "2s");
        return p;
    }

    @Test
    void aCardWhoseAnswerWasLostIsAdoptedAndShowsTheClaimInsteadOfASecondCard() {
        User amy = world.user("Amy", Role.EMPLOYEE, "UAMY");
        User ben = world.user("Ben", Role.RESPONDER, "UBEN");
        slack.loseNextAnswerTo("chat.postMessage");
        Ticket ticket = world.pendingTicket(amy, "plotter jammed");
        deliver();
        assertThat(cardsOf(ticket)).as("Slack posted it; ticketdesk never heard").hasSize(1);

        signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UBEN", slack.responseUrl("b"),
                cardsOf(ticket).get(0).ts()));
        deliverAll();

        assertOneCardShowing(ticket, "Claimed by <@UBEN>");
        assertThat(slack.calls("conversations.history")).as("found by its metadata").isNotEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND responder_id = ?", ticket.id(), ben.id()))
                .isEqualTo(1);
    }

    @Test
    void whileAPostersClaimIsLiveOtherDeliveriesWaitAndAfterItAPostedCardIsAdopted() throws Exception {
        User cleo = world.user("Cleo", Role.EMPLOYEE, "UCLEO");
        world.user("Dev", Role.RESPONDER, "UDEV");
        Ticket ticket = world.pendingTicket(cleo, "scanner offline");
        // another instance claimed the posting just now, and Slack posted its card: then that instance died
        try (Connection c = db.connect(); PreparedStatement claim = c.prepareStatement("INSERT INTO slack_ticket_posts"
                + " (ticket_id, channel, ts, posting_since, created_at, updated_at)"
                + " VALUES (?, ?, NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            claim.setLong(1, ticket.id());
            claim.setString(2, RESPONDERS);
            claim.executeUpdate();
        }
        web.postMessage(RESPONDERS, null, "Ticket #" + ticket.id() + " scanner offline — Waiting for a responder",
                null, CardBlocks.tag(ticket.id()));
        outbox.runOnce();
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'opened'"
                + " AND status = 'pending' AND last_error LIKE '%is being posted%'", ticket.id())).isEqualTo(1);

        signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UDEV", slack.responseUrl("d"),
                cardsOf(ticket).get(0).ts()));
        deliverAll();

        assertOneCardShowing(ticket, "Claimed by <@UDEV>");
    }

    @Test
    void whenTheEarlierAttemptNeverReachedSlackTheCardIsPostedOnce() throws Exception {
        User eli = world.user("Eli", Role.EMPLOYEE, "UELI");
        Ticket ticket = world.pendingTicket(eli, "fax machine");
        try (Connection c = db.connect(); PreparedStatement claim = c.prepareStatement("INSERT INTO slack_ticket_posts"
                + " (ticket_id, channel, ts, posting_since, created_at, updated_at) VALUES (?, ?, NULL,"
                + " UTC_TIMESTAMP(6) - INTERVAL 5 SECOND, UTC_TIMESTAMP(6) - INTERVAL 5 SECOND, UTC_TIMESTAMP(6))")) {
            claim.setLong(1, ticket.id());
            claim.setString(2, RESPONDERS);
            claim.executeUpdate();
        }

        deliverAll();

        assertOneCardShowing(ticket, "Waiting for a responder");
        assertThat(slack.calls("conversations.history")).as("the channel was searched first").isNotEmpty();
    }

    @Test
    void whenSlackRefusesTheSearchForAnEarlierCardTheCardIsStillPosted() throws Exception {
        User fay = world.user("Fay", Role.EMPLOYEE, "UFAY");
        slack.refuse("conversations.history", "missing_scope");
        try {
            slack.failWith(500, null);
            Ticket ticket = world.pendingTicket(fay, "kettle leaks");
            deliver();
            slack.recover();

            deliverAll();

            assertOneCardShowing(ticket, "Waiting for a responder");
            assertThat(slack.calls("conversations.history")).isNotEmpty();
        } finally {
            slack.refuse("conversations.history", null);
        }
    }

    /** Delivers until nothing is pending, waiting out the short back-offs and the posting lease. */
    private void deliverAll() {
        eventually(() -> {
            deliver();
            return db.count("SELECT COUNT(*) FROM notifications WHERE status = 'pending'") == 0;
        });
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE status = 'failed'")).isZero();
    }

    private void assertOneCardShowing(Ticket ticket, String state) {
        List<FakeSlack.Message> cards = cardsOf(ticket);
        assertThat(cards).as("cards of ticket #" + ticket.id()).hasSize(1);
        assertThat(cards.get(0).blocks()).contains(state);
        assertThat(db.count("SELECT COUNT(*) FROM slack_ticket_posts WHERE ticket_id = ? AND ts = ?", ticket.id(),
                cards.get(0).ts())).isEqualTo(1);
    }

    private List<FakeSlack.Message> cardsOf(Ticket ticket) {
        return slack.messages(RESPONDERS).stream().filter(m -> m.metadata != null
                && m.metadata.contains("\"ticket_id\":\"" + ticket.id() + "\"")).toList();
    }
}
