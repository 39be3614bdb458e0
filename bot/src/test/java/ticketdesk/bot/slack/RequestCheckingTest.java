package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** What /slack/events does with requests it must not act on: each gets a clear answer and changes nothing. */
@MicronautTest(transactional = false)
class RequestCheckingTest extends SlackTest {

    @Test
    void aForgedSignatureIsRefusedWith401AndNothingChanges() {
        world.user("Pat", Role.EMPLOYEE, "UPAT");
        String body = ticketCommand("UPAT");
        long before = written();
        long now = SignedSlack.now();
        String forged = new SignedSlack(server.getURI(), "not-the-secret").sign(now, body);

        HttpResponse<String> response = signed.send(body, "application/x-www-form-urlencoded", Long.toString(now),
                forged, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid or expired Slack signature");
        assertNothingWrittenSince(before);
    }

    @Test
    void aStaleTimestampIsRefusedWith401EvenWhenSignedWithTheRightSecret() {
        world.user("Quinn", Role.EMPLOYEE, "UQUINN");
        String body = ticketCommand("UQUINN");
        long before = written();
        long sixMinutesAgo = SignedSlack.now() - 6 * 60;

        HttpResponse<String> response = signed.post(body, "application/x-www-form-urlencoded", sixMinutesAgo,
                Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingWrittenSince(before);
    }

    @Test
    void aBodyLargerThanSlackEverSendsIsRefusedWith413BeforeItsSignatureIsChecked() {
        world.user("Rae", Role.EMPLOYEE, "URAE");
        String body = ticketCommand("URAE") + "&padding=" + "x".repeat(SlackEventsController.MAX_BODY_CHARS);
        long before = written();
        SignedSlack forger = new SignedSlack(server.getURI(), "not-the-secret");

        HttpResponse<String> response = forger.post(body, "application/x-www-form-urlencoded", SignedSlack.now(),
                Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Slack never sends a request this large");
        assertNothingWrittenSince(before);
    }

    @Test
    void anUnsignedRequestIsRefusedWith401() {
        HttpResponse<String> response = signed.send("{\"type\":\"url_verification\",\"challenge\":\"abc\"}",
                "application/json", null, null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedJsonGetsA400ThatSaysSoAndChangesNothing() {
        long before = written();
        HttpResponse<String> json = signed.post("{\"type\":\"event_callback\",\"event\":{", "application/json",
                SignedSlack.now(), Map.of());
        HttpResponse<String> payload = signed.interaction("{\"type\":\"block_actions\",\"actions\":[");

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("malformed JSON");
        assertThat(payload.statusCode()).isEqualTo(400);
        assertNothingWrittenSince(before);
    }

    @Test
    void theUrlVerificationChallengeIsAnswered() {
        HttpResponse<String> response = signed.event(
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void slacksSslCheckIsAnswered() {
        HttpResponse<String> response = signed.post("ssl_check=1&token=legacy-token",
                "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownActionIdIsAnsweredClearlyAndChangesNothing() {
        User rose = world.user("Rose", Role.EMPLOYEE, "UROSE");
        world.user("Sam", Role.RESPONDER, "USAM");
        Ticket ticket = world.pendingTicket(rose);
        deliver();
        slack.reset();
        long events = db.count("SELECT COUNT(*) FROM ticket_events");

        HttpResponse<String> response = signed.interaction(Payloads.buttonPress("self_destruct",
                Long.toString(ticket.id()), "USAM", slack.responseUrl("s"), "1700000000.000101"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events")).isEqualTo(events);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
        deliver();
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement()
                .satisfies(c -> assertThat(c.param("text")).contains("does not know the action")
                        .contains("self_destruct").contains("nothing was changed"));
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aButtonThatNamesNoTicketIsAnsweredClearlyAndChangesNothing() {
        world.user("Tom", Role.RESPONDER, "UTOM");
        long before = written();

        HttpResponse<String> response = signed.interaction(Payloads.buttonPress("claim", "<b>42</b>", "UTOM",
                slack.responseUrl("t"), "1700000000.000102"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(written()).isEqualTo(before);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement()
                .satisfies(c -> assertThat(c.param("text")).contains("Claim button names no ticket")
                        .contains("&lt;b&gt;42&lt;/b&gt;").contains("nothing was changed"));
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aButtonPressWithAForgedSignatureIsRefusedWith401AndNothingChanges() {
        User una = world.user("Una", Role.EMPLOYEE, "UUNA");
        world.user("Vik", Role.RESPONDER, "UVIK");
        Ticket ticket = world.pendingTicket(una);
        deliver();
        slack.reset();
        long before = written();
        String body = SignedSlack.formBody(Map.of("payload", Payloads.buttonPress("claim", Long.toString(ticket.id()),
                "UVIK", slack.responseUrl("v"), "1700000000.000103")));
        long now = SignedSlack.now();
        String forged = new SignedSlack(server.getURI(), "not-the-secret").sign(now, body);

        HttpResponse<String> response = signed.send(body, "application/x-www-form-urlencoded", Long.toString(now),
                forged, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid or expired Slack signature");
        assertNothingWrittenSince(before);
    }

    @Test
    void aButtonPressWithoutAUserOrAnActionIsAnswered200AndChangesNothing() {
        User wes = world.user("Wes", Role.EMPLOYEE, "UWES");
        world.user("Xia", Role.RESPONDER, "UXIA");
        Ticket ticket = world.pendingTicket(wes);
        deliver();
        slack.reset();
        long before = written();
        JsonObject claim = JsonParser.parseString(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UXIA",
                slack.responseUrl("x"), "1700000000.000104")).getAsJsonObject();
        JsonObject noUser = claim.deepCopy();
        noUser.remove("user");
        JsonObject noAction = claim.deepCopy();
        noAction.add("actions", new JsonArray());

        assertThat(signed.interaction(noUser.toString()).statusCode()).isEqualTo(200);
        assertThat(signed.interaction(noAction.toString()).statusCode()).isEqualTo(200);

        assertThat(written()).isEqualTo(before);
        HttpResponse<String> noTicket = signed.interaction(Payloads.buttonPress("claim", "none", "UXIA",
                slack.responseUrl("x"), "1700000000.000104"));
        assertThat(noTicket.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls()).as("only the press that names no ticket is answered").singleElement()
                .satisfies(c -> assertThat(c.param("text")).contains("names no ticket (\"none\")"));
        deliver();
        assertThat(written()).isEqualTo(before);
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aButtonPressWhoseValueIsNoTextIsRefusedWith400AndChangesNothing() {
        User yan = world.user("Yan", Role.EMPLOYEE, "UYAN");
        world.user("Zed", Role.RESPONDER, "UZED");
        Ticket ticket = world.pendingTicket(yan);
        deliver();
        slack.reset();
        long before = written();
        JsonObject claim = JsonParser.parseString(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UZED",
                slack.responseUrl("z"), "1700000000.000105")).getAsJsonObject();
        JsonObject ticketInAnObject = new JsonObject();
        ticketInAnObject.addProperty("ticket", ticket.id());
        claim.getAsJsonArray("actions").get(0).getAsJsonObject().add("value", ticketInAnObject);

        HttpResponse<String> response = signed.interaction(claim.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nothing was changed");
        assertNothingWrittenSince(before);
    }

    /** "/ticket printer broken" from {@code userId}, as Slack would post it, to be signed by each test its own way. */
    private String ticketCommand(String userId) {
        return SignedSlack.formBody(Map.of("command", "/ticket", "text", "printer broken", "user_id", userId,
                "user_name", userId.substring(1).toLowerCase(), "channel_id", "C1", "team_id", "T1",
                "response_url", slack.responseUrl(userId), "trigger_id", "t"));
    }

    private long written() {
        return db.count("SELECT (SELECT COUNT(*) FROM tickets) + (SELECT COUNT(*) FROM ticket_events)"
                + " + (SELECT COUNT(*) FROM notifications) + (SELECT COUNT(*) FROM messages)"
                + " + (SELECT COUNT(*) FROM users)");
    }

    private void assertNothingWrittenSince(long before) {
        assertThat(written()).isEqualTo(before);
        deliver();
        assertThat(slack.calls()).isEmpty();
    }
}
