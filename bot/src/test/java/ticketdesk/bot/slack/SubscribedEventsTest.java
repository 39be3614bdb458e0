package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * Issue 11, point 8: every event of the subscribed types is answered 200 (Slack counts anything else as a
 * failed delivery), a {@code /me} reply in a card's thread is a reply, and Slack's markup in a reply is
 * stored, and relayed, as readable text.
 */
@MicronautTest(transactional = false)
class SubscribedEventsTest extends SlackTest {

    private static final AtomicInteger TS = new AtomicInteger();

    @Test
    void messagesOfEverySubtypeAndOtherEventsAreAnswered200AndChangeNothing() {
        Ticket ticket = world.pendingTicket(world.user("Ann", Role.EMPLOYEE, "UANN"));
        world.user("Bo", Role.RESPONDER, "UBO");
        String card = cardOf(ticket);
        long written = written();
        List<JsonObject> events = List.of(
                message("channel_join", "UBO", "<@UBO> has joined the channel", null),
                message("channel_leave", "UBO", "<@UBO> has left the channel", null),
                message("channel_topic", "UBO", "set the channel topic: printers", null),
                message("channel_purpose", "UBO", "set the channel purpose: help", null),
                message("channel_name", "UBO", "renamed the channel", null),
                message("pinned_item", "UBO", "pinned a message", card),
                message("thread_broadcast", null, "no user", card),
                message("bot_message", null, "a bot's post", card),
                message("some_subtype_slack_adds_later", "UBO", "?", card),
                changed(card),
                Payloads.object("type", "reaction_added", "user", "UBO", "reaction", "eyes", "event_ts", ts()),
                Payloads.object("type", "member_joined_channel", "user", "UBO", "channel", RESPONDERS,
                        "event_ts", ts()),
                Payloads.object("type", "app_mention", "user", "UBO", "text", "<@UBOT> hi", "channel", RESPONDERS,
                        "ts", ts(), "event_ts", ts()));

        for (JsonObject event : events) {
            if (!event.has("ts")) {
                event.addProperty("ts", event.get("event_ts").getAsString());
            }
            HttpResponse<String> response = signed.event(Payloads.envelope(event), null);
            assertThat(response.statusCode()).as(event.toString()).isEqualTo(200);
        }
        deliver();
        assertThat(written()).isEqualTo(written);
        assertThat(slack.calls()).as("nothing is said in Slack about any of them").isEmpty();
    }

    @Test
    void aMeReplyInACardsThreadIsStoredAndRelayedLikeAnyReply() {
        User cat = world.user("Cat", Role.EMPLOYEE, "UCAT");
        User dan = world.user("Dan", Role.RESPONDER, "UDAN");
        Ticket ticket = world.claimedTicket(cat, dan);
        String card = cardOf(ticket);
        String ts = ts();

        HttpResponse<String> response = signed.event(Payloads.envelope(Payloads.threadMessage("me_message", "UDAN",
                "is replacing the toner", ts, card, RESPONDERS)), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND sender_id = ? AND channel = 'slack'"
                + " AND external_id = ? AND body = 'is replacing the toner'", ticket.id(), dan.id(), ts)).isEqualTo(1);
        deliver();
        assertThat(slack.calls("chat.postMessage", c -> "UCAT".equals(c.param("channel")))).singleElement()
                .satisfies(dm -> assertThat(dm.param("text")).contains("is replacing the toner"));
    }

    @Test
    void slacksMarkupInAReplyIsStoredAsReadableText() {
        User eve = world.user("Eve Example", Role.EMPLOYEE, "UEVE");
        User fin = world.user("Fin", Role.RESPONDER, "UFIN");
        Ticket ticket = world.claimedTicket(eve, fin);
        String card = cardOf(ticket);
        String ts = ts();
        String typed = "<@UEVE>, see <https://kb.example/toner?a=1&amp;b=2|the toner guide> and"
                + " <https://kb.example/drum>, ask <@USTRANGER|sam> or <@UNOBODY> in <#C123|printers> or <#C456>;"
                + " <!here> <!channel> <!everyone> <!subteam^S1|@it-team> <!subteam^S2>"
                + " <mailto:it@example.com|it@example.com> <http://example.com|example.com>"
                + " since <!date^1392734382^{date}|Feb 18th, 2014>: 1 &lt; 2 &amp;&amp; 3 &gt; 2";

        signed.event(Payloads.envelope(Payloads.threadMessage(null, "UFIN", typed, ts, card, RESPONDERS)), null);

        String expected = "@Eve Example, see the toner guide (https://kb.example/toner?a=1&b=2) and"
                + " https://kb.example/drum, ask @sam or @UNOBODY in #printers or #C456;"
                + " @here @channel @everyone @it-team @S2 it@example.com"
                + " example.com since Feb 18th, 2014: 1 < 2 && 3 > 2";
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND external_id = ?", ticket.id(), ts))
                .isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND body = ?", ticket.id(), expected))
                .as(expected).isEqualTo(1);
    }

    private static JsonObject message(String subtype, String user, String text, String threadTs) {
        return Payloads.threadMessage(subtype, user, text, ts(), threadTs, RESPONDERS);
    }

    private static JsonObject changed(String card) {
        JsonObject event = Payloads.object("type", "message", "subtype", "message_changed", "channel", RESPONDERS,
                "ts", ts(), "event_ts", ts());
        event.add("message", Payloads.threadMessage(null, "UBO", "edited", ts(), card, RESPONDERS));
        return event;
    }

    private static String ts() {
        return "1700001000." + String.format("%06d", TS.incrementAndGet());
    }

    /** Delivers the outbox and returns the ts of the ticket's card. */
    private String cardOf(Ticket ticket) {
        deliver();
        String ts = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))
                && c.blocks().contains("\"value\":\"" + ticket.id() + "\"")).get(0).ts();
        slack.reset();
        return ts;
    }

    private long written() {
        return db.count("SELECT (SELECT COUNT(*) FROM tickets) + (SELECT COUNT(*) FROM ticket_events)"
                + " + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM messages)"
                + " + (SELECT COUNT(*) FROM notifications)");
    }
}
