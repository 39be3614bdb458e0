package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** The card's Claim, Decline, Resolve and Release buttons. */
@MicronautTest(transactional = false)
class CardButtonsTest extends SlackTest {

    @Test
    void tenRespondersClaimAtOnceOneWinsTheCardShowsThemAndNineAreToldWhoHoldsIt() throws Exception {
        world.user("Requester", Role.EMPLOYEE, "UREQ10");
        List<User> responders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responders.add(world.user("Responder " + i, Role.RESPONDER, "URESP" + i));
        }
        HttpResponse<String> opened = signed.command("UREQ10", "req", "server room too hot", slack.responseUrl("o"));
        assertThat(opened.statusCode()).isEqualTo(200);
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'server room too hot'");
        deliver();
        String cardTs = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))).get(0).ts();
        slack.reset();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clickers = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String slackId = "URESP" + i;
            String responseUrl = slack.responseUrl("claim-" + i);
            clicks.add(clickers.submit(() -> {
                go.await();
                return signed.interaction(Payloads.buttonPress("claim", Long.toString(ticketId), slackId,
                        responseUrl, cardTs));
            }));
        }
        go.countDown();
        for (Future<HttpResponse<String>> click : clicks) {
            assertThat(click.get().statusCode()).isEqualTo(200);
        }
        clickers.shutdown();

        long winnerId = db.count("SELECT responder_id FROM tickets WHERE id = ? AND status = 'in_process'", ticketId);
        int winner = responders.stream().map(User::id).toList().indexOf(winnerId);
        assertThat(winner).isNotNegative();
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND event_type = 'claimed'",
                ticketId)).isEqualTo(1);

        deliver();

        assertThat(slack.calls("chat.update")).singleElement().satisfies(update -> {
            assertThat(update.param("channel")).isEqualTo(RESPONDERS);
            assertThat(update.blocks()).contains("Claimed by <@URESP" + winner + ">")
                    .contains("\"action_id\":\"resolve\"").contains("\"action_id\":\"release\"")
                    .doesNotContain("\"action_id\":\"claim\"");
        });
        eventually(() -> slack.calls("response_url").size() >= 9);
        var notes = slack.calls("response_url");
        assertThat(notes).hasSize(9).allSatisfy(note -> {
            assertThat(note.param("text")).isEqualTo("Ticket #" + ticketId + " is already claimed by <@URESP"
                    + winner + ">.");
            assertThat(note.param("response_type")).isEqualTo("ephemeral");
        });
        assertThat(notes).noneMatch(n -> n.param("text").contains("claim-" + winner));
        assertThat(slack.calls("chat.postMessage", c -> "UREQ10".equals(c.param("channel"))))
                .singleElement().satisfies(dm -> assertThat(dm.param("text")).contains("was claimed by <@URESP"
                        + winner + ">"));
    }

    @Test
    void declineIsRecordedAndConfirmedOnlyToTheDecliner() {
        User owner = world.user("Tara", Role.EMPLOYEE, "UTARA");
        world.user("Uma", Role.RESPONDER, "UUMA");
        world.user("Vic", Role.RESPONDER, "UVIC");
        Ticket ticket = world.pendingTicket(owner, "mouse broken");
        deliver();
        slack.reset();

        HttpResponse<String> response = signed.interaction(Payloads.buttonPress("decline", Long.toString(ticket.id()),
                "UUMA", slack.responseUrl("uma"), "1700000000.000101"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_responder_log l JOIN user_identities i"
                + " ON i.user_id = l.responder_id WHERE l.ticket_id = ? AND i.external_id = 'UUMA'"
                + " AND l.state = 'declined'", ticket.id())).isEqualTo(1);
        deliver();
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note ->
                assertThat(note.param("text")).contains("You declined ticket #" + ticket.id()));
    }

    @Test
    void resolveAndReleaseChangeTheTicketAndTheCardFollows() {
        User owner = world.user("Walt", Role.EMPLOYEE, "UWALT");
        User xena = world.user("Xena", Role.RESPONDER, "UXENA");
        Ticket ticket = world.claimedTicket(owner, xena);
        deliver();
        slack.reset();
        String id = Long.toString(ticket.id());

        signed.interaction(Payloads.buttonPress("release", id, "UXENA", slack.responseUrl("x"), "1"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
        deliver();
        assertThat(slack.calls("chat.update")).last().satisfies(update -> assertThat(update.blocks())
                .contains("Waiting for a responder").contains("\"action_id\":\"claim\""));

        signed.interaction(Payloads.buttonPress("claim", id, "UXENA", slack.responseUrl("x"), "1"));
        signed.interaction(Payloads.buttonPress("resolve", id, "UXENA", slack.responseUrl("x"), "1"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'done'", ticket.id()))
                .isEqualTo(1);
        deliver();
        assertThat(slack.calls("chat.update")).last().satisfies(update -> assertThat(update.blocks())
                .contains("Resolved by <@UXENA>").doesNotContain("action_id"));
        assertThat(slack.calls("chat.postMessage", c -> "UWALT".equals(c.param("channel"))))
                .anySatisfy(dm -> assertThat(dm.param("text")).contains("was resolved by <@UXENA>"));
    }

    @Test
    void anEmployeeCannotResolveAndIsToldWhy() {
        User owner = world.user("Yuri", Role.EMPLOYEE, "UYURI");
        User zoe = world.user("Zoe", Role.RESPONDER, "UZOE");
        Ticket ticket = world.claimedTicket(owner, zoe);
        slack.reset();

        signed.interaction(Payloads.buttonPress("resolve", Long.toString(ticket.id()), "UYURI",
                slack.responseUrl("y"), "1"));

        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'in_process'", ticket.id()))
                .isEqualTo(1);
        deliver();
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note ->
                assertThat(note.param("text")).contains("was not resolved").contains("only the holder"));
    }
}
