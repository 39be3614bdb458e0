package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * Issue 11, point 5: a signed request sent again (the same signature within Slack's five minutes, with or
 * without X-Slack-Retry-Num) is answered as the first one was and changes nothing.
 */
@MicronautTest(transactional = false)
class ReplayTest extends SlackTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject AcceptedRequests accepted;

    @Test
    void aReplayedSlashCommandOpensNoSecondTicketAndGetsTheFirstAnswer() {
        User bob = world.user("Bob", Role.EMPLOYEE, "UBOB");
        String body = SignedSlack.commandBody("UBOB", "bob", "printer on fire", slack.responseUrl("b"), TEAM);
        long signedAt = SignedSlack.now();

        HttpResponse<String> first = signed.post(body, FORM, signedAt, Map.of());
        HttpResponse<String> again = signed.post(body, FORM, signedAt, Map.of());
        HttpResponse<String> asRetry = signed.post(body, FORM, signedAt, Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(first.body()).contains("opened: printer on fire");
        assertThat(List.of(again, asRetry)).allSatisfy(replay -> {
            assertThat(replay.statusCode()).isEqualTo(first.statusCode());
            assertThat(replay.body()).isEqualTo(first.body());
        });
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", bob.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
                + " WHERE t.requester_id = ? AND e.event_type = 'created'", bob.id())).isEqualTo(1);
    }

    @Test
    void aReplayedClickChangesNothingAndTellsNobodyAnything() {
        User cy = world.user("Cy", Role.EMPLOYEE, "UCY");
        world.user("Di", Role.RESPONDER, "UDI");
        Ticket ticket = world.pendingTicket(cy);
        deliver();
        String body = SignedSlack.formBody(Map.of("payload", Payloads.buttonPress("decline", Long.toString(ticket.id()),
                "UDI", slack.responseUrl("d"), "1700000000.000300")));
        long signedAt = SignedSlack.now();
        HttpResponse<String> first = signed.post(body, FORM, signedAt, Map.of());
        eventually(() -> slack.calls("response_url").size() == 1);
        long events = db.count("SELECT COUNT(*) FROM ticket_events");

        HttpResponse<String> replay = signed.post(body, FORM, signedAt, Map.of());
        deliver();

        assertThat(replay.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events")).isEqualTo(events);
        assertThat(slack.calls("response_url")).as("the decliner was told once, by the first click").hasSize(1);
    }

    @Test
    void aReplayWhileTheFirstIsStillBeingHandledIsToldSoAndOpensNothing() throws Exception {
        User eli = world.user("Eli", Role.EMPLOYEE, "UELI");
        String body = SignedSlack.commandBody("UELI", "eli", "desk too low", slack.responseUrl("e"), TEAM);
        long signedAt = SignedSlack.now();
        HttpResponse<String> first;
        HttpResponse<String> replay;
        try (Connection stuck = holdingTheRowOf(eli)) {
            first = signed.post(body, FORM, signedAt, Map.of());
            replay = signed.post(body, FORM, signedAt, Map.of("X-Slack-Retry-Num", "1"));
            stuck.rollback();
        }

        assertThat(first.body()).as("answered at the ack deadline").contains(Acknowledger.STILL_WORKING);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains(Acknowledger.STILL_WORKING);
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE title = 'desk too low'") == 1);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note ->
                assertThat(note.param("text")).contains("opened: desk too low"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", eli.id())).isEqualTo(1);
    }

    @Test
    void theSameBodySignedAgainAtAnotherTimeIsANewRequest() {
        User fox = world.user("Fox", Role.EMPLOYEE, "UFOX");
        String body = SignedSlack.commandBody("UFOX", "fox", "mouse dead", slack.responseUrl("f"), TEAM);

        HttpResponse<String> first = signed.post(body, FORM, SignedSlack.now() - 2, Map.of());
        HttpResponse<String> second = signed.post(body, FORM, SignedSlack.now(), Map.of());

        assertThat(List.of(first, second)).allSatisfy(r -> assertThat(r.body()).contains("opened: mouse dead"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", fox.id())).isEqualTo(2);
    }

    @Test
    void keysAreForgottenOnceTheirSignatureHasExpired() throws Exception {
        try (Connection c = db.connect(); var sql = c.createStatement()) {
            sql.executeUpdate("INSERT INTO slack_accepted_requests (signed_at, request_key) VALUES"
                    + " (UNIX_TIMESTAMP() - 601, UNHEX(SHA2('old', 256))),"
                    + " (UNIX_TIMESTAMP() - 300, UNHEX(SHA2('fresh', 256)))");
        }

        accepted.forgetExpired();

        assertThat(db.count("SELECT COUNT(*) FROM slack_accepted_requests"
                + " WHERE request_key IN (UNHEX(SHA2('old', 256)), UNHEX(SHA2('fresh', 256)))")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM slack_accepted_requests WHERE request_key = UNHEX(SHA2('fresh', 256))"))
                .isEqualTo(1);
    }
}
