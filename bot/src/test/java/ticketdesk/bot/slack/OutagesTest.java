package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** Slack's Web API failing or the database stalling never loses a change nor delays Slack's ack. */
@MicronautTest(transactional = false)
class OutagesTest extends SlackTest {

    @Test
    void whileSlackAnswers500TicketsAreStillOpenedAndClaimedAndTheCardArrivesOnceItRecovers() throws Exception {
        world.user("Ann", Role.EMPLOYEE, "UANN");
        User bea = world.user("Bea", Role.RESPONDER, "UBEA");
        slack.failWith(500, null);

        HttpResponse<String> opened = signed.command("UANN", "ann", "scanner offline", slack.responseUrl("a"));
        assertThat(opened.statusCode()).isEqualTo(200);
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'scanner offline'");
        deliver();
        assertThat(slack.calls("failed:chat.postMessage")).isNotEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'opened'"
                + " AND status = 'pending' AND last_error LIKE '%HTTP 500%'", ticketId)).isEqualTo(1);

        HttpResponse<String> claimed = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticketId),
                "UBEA", slack.responseUrl("b"), "1"));
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process'"
                + " AND responder_id = ?", ticketId, bea.id())).isEqualTo(1);

        slack.recover();
        Thread.sleep(200);
        deliver();

        var cards = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel")));
        assertThat(cards).hasSize(1);
        String shown = slack.calls("chat.update").isEmpty() ? cards.get(0).blocks()
                : slack.calls("chat.update").get(slack.calls("chat.update").size() - 1).blocks();
        assertThat(shown).contains("Claimed by <@UBEA>");
        assertThat(slack.calls("chat.postMessage", c -> "UANN".equals(c.param("channel"))))
                .singleElement().satisfies(dm -> assertThat(dm.param("text")).contains("claimed by <@UBEA>"));
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND status <> 'sent'", ticketId))
                .isZero();
    }

    @Test
    void losingClicksWhileSlackAnswers500AreToldOnceSlackRecoversAndSlackIsNotAskedAgainMeanwhile()
            throws Exception {
        world.user("Eve", Role.EMPLOYEE, "UEVE");
        User fay = world.user("Fay", Role.RESPONDER, "UFAY");
        world.user("Gus", Role.RESPONDER, "UGUS");
        world.user("Hal", Role.RESPONDER, "UHAL");
        signed.command("UEVE", "eve", "badge reader dead", slack.responseUrl("e"));
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'badge reader dead'");
        signed.interaction(Payloads.buttonPress("claim", Long.toString(ticketId), "UFAY", slack.responseUrl("f"), "1"));
        slack.failWith(500, null);

        for (String loser : new String[] {"UGUS", "UHAL"}) {
            HttpResponse<String> lost = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticketId), loser,
                    slack.responseUrl(loser), "1"));
            assertThat(lost.statusCode()).isEqualTo(200);
            eventually(() -> db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'note'"
                    + " AND payload LIKE ?", ticketId, "%" + loser + "%") == 1);
        }
        assertThat(slack.calls("failed:response_url")).as("after one failure the next note does not wait on Slack")
                .hasSizeLessThanOrEqualTo(1);

        slack.recover();
        deliver();
        assertThat(slack.calls("response_url", note -> note.param("text").contains("already claimed")))
                .as("each loser told once").hasSize(2).allSatisfy(note -> assertThat(note.param("text"))
                        .isEqualTo("Ticket #" + ticketId + " is already claimed by <@UFAY>."));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND responder_id = ?", ticketId, fay.id()))
                .isEqualTo(1);
    }

    @Test
    void aButtonPressThatFailsTellsThePresserToTryAgainAndChangesNothing() throws Exception {
        User ida = world.user("Ida", Role.EMPLOYEE, "UIDA");
        world.user("Jo", Role.RESPONDER, "UJO");
        Ticket ticket = world.pendingTicket(ida);
        HttpResponse<String> pressed;
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.execute("RENAME TABLE user_identities TO user_identities_away");
            try {
                pressed = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UJO",
                        slack.responseUrl("j"), "1"));
            } finally {
                sql.execute("RENAME TABLE user_identities_away TO user_identities");
            }
        }

        assertThat(pressed.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement()
                .satisfies(note -> assertThat(note.param("text")).isEqualTo(Acknowledger.FAILED));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfterAndThenArrives() throws Exception {
        world.user("Cal", Role.EMPLOYEE, "UCAL");
        slack.failWith(429, "1");

        signed.command("UCAL", "cal", "monitor flickers", slack.responseUrl("c"));
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'monitor flickers'");
        deliver();

        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ? AND kind = 'opened'"
                + " AND status = 'pending' AND last_error LIKE '%rate limited%'"
                + " AND next_attempt_at >= created_at + INTERVAL 1 SECOND", ticketId)).isEqualTo(1);
        slack.recover();
        deliver();
        assertThat(slack.calls("chat.postMessage")).as("not before Retry-After").isEmpty();

        Thread.sleep(1100);
        deliver();
        assertThat(slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))
                && c.blocks().contains("monitor flickers"))).hasSize(1);
    }

    @Test
    void slackIsAnsweredWithinThreeSecondsWhileTheDatabaseIsStuckAndTheAnswerFollows() throws Exception {
        User dan = world.user("Dan", Role.EMPLOYEE, "UDAN");
        HttpResponse<String> response;
        long millis;
        try (Connection stuck = holdingTheRowOf(dan)) {
            long start = System.nanoTime();
            response = signed.command("UDAN", "dan", "chair broken", slack.responseUrl("d"));
            millis = (System.nanoTime() - start) / 1_000_000;
            stuck.rollback();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(millis).isLessThan(3000);
        assertThat(response.body()).contains(Acknowledger.STILL_WORKING);
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE title = 'chair broken'") == 1);
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'chair broken'");
        eventually(() -> {
            deliver();
            return slack.calls("response_url").stream()
                    .anyMatch(note -> note.param("text").contains("opened: chair broken"));
        });
        assertThat(slack.calls("response_url")).anySatisfy(note ->
                assertThat(note.param("text")).contains("Ticket #" + ticketId + " opened: chair broken"));
    }
}
