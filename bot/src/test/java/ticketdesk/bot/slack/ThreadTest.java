package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.message.PostMessage;
import ticketdesk.core.message.PostingMessage;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** A ticket's thread in the responders' channel is its conversation. */
@MicronautTest(transactional = false)
class ThreadTest extends SlackTest {

    @Inject PostingMessage posting;
    @Inject List<Notifier> notifiers;

    @Test
    void aThreadReplyBecomesOneTicketMessageEvenWhenSlackDeliversItThreeTimes() {
        Claimed thread = claimedThread("Amy", "Ben");
        String reply = Payloads.threadReply("UBEN", "Have you tried turning it off &amp; on?", "1700000500.000001",
                thread.cardTs(), RESPONDERS);

        HttpResponse<String> first = signed.event(reply, null);
        HttpResponse<String> retry1 = signed.event(reply, 1);
        HttpResponse<String> retry2 = signed.event(reply, 2);

        assertThat(List.of(first, retry1, retry2)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND sender_id = ? AND channel = 'slack'"
                + " AND external_id = '1700000500.000001' AND body = 'Have you tried turning it off & on?'",
                thread.ticketId(), thread.responder().id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", thread.ticketId())).isEqualTo(1);
        deliver();
        assertThat(slack.calls("chat.postMessage", c -> "UAMY".equals(c.param("channel"))))
                .singleElement().satisfies(dm -> assertThat(dm.param("text")).contains("<@UBEN>")
                        .contains("turning it off"));
        assertThat(slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))))
                .as("never echoed back into the thread it came from").isEmpty();
    }

    @Test
    void aReplyAlsoSentToTheChannelBecomesATicketMessageToo() {
        Claimed thread = claimedThread("Jon", "Kay");
        JsonObject event = Payloads.threadMessage("thread_broadcast", "UKAY", "on my way", "1700000550.000001",
                thread.cardTs(), RESPONDERS);

        HttpResponse<String> response = signed.event(Payloads.envelope(event), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND sender_id = ?"
                + " AND external_id = '1700000550.000001' AND body = 'on my way'", thread.ticketId(),
                thread.responder().id()))
                .isEqualTo(1);
        deliver();
        assertThat(slack.calls("chat.postMessage", c -> "UJON".equals(c.param("channel"))))
                .singleElement().satisfies(dm -> assertThat(dm.param("text")).contains("on my way"));
    }

    @Test
    void aReplyWithAFileKeepsItsTextAndTellsTheSenderTheFileWasNotAdded() {
        Claimed thread = claimedThread("Lia", "Max");
        JsonObject event = Payloads.threadMessage("file_share", "UMAX", "see the screenshot", "1700000560.000001",
                thread.cardTs(), RESPONDERS);
        JsonArray files = new JsonArray();
        files.add(Payloads.object("id", "F1", "name", "screen.png"));
        event.add("files", files);

        HttpResponse<String> response = signed.event(Payloads.envelope(event), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ? AND sender_id = ?"
                + " AND body = 'see the screenshot'", thread.ticketId(), thread.responder().id())).isEqualTo(1);
        deliver();
        eventually(() -> !slack.calls("chat.postEphemeral").isEmpty());
        assertThat(slack.calls("chat.postEphemeral", c -> "UMAX".equals(c.param("user"))))
                .singleElement().satisfies(note -> assertThat(note.param("text"))
                        .contains("file you shared was not added to ticket #" + thread.ticketId())
                        .contains("Your text was added"));
    }

    @Test
    void threeDeliveriesAtTheSameMomentStillMakeOneMessage() {
        User requester = world.user("Cid", Role.EMPLOYEE, "UCID");
        world.user("Dot", Role.RESPONDER, "UDOT");
        String cardTs = cardOf(world.pendingTicket(requester, "wifi flaky"));
        String reply = Payloads.threadReply("UDOT", "looking into it", "1700000600.000001", cardTs, RESPONDERS);

        List<CompletableFuture<HttpResponse<String>>> deliveries = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> signed.event(reply, i == 0 ? null : i))).toList();

        deliveries.forEach(d -> assertThat(d.join().statusCode()).isEqualTo(200));
        assertThat(db.count("SELECT COUNT(*) FROM messages WHERE external_id = '1700000600.000001'")).isEqualTo(1);
    }

    @Test
    void botPostsEditsAndOtherThreadsAreIgnored() {
        User requester = world.user("Eve", Role.EMPLOYEE, "UEVE");
        world.user("Flo", Role.RESPONDER, "UFLO");
        String cardTs = cardOf(world.pendingTicket(requester, "no sound"));
        long before = db.count("SELECT COUNT(*) FROM messages");

        signed.event(Payloads.botThreadPost("Eve (email): hello", "1700000700.000001", cardTs, RESPONDERS), null);
        signed.event(Payloads.threadReply("UFLO", "not a ticket thread", "1700000700.000002", "1699999999.000001",
                RESPONDERS), null);
        signed.event(Payloads.threadReply("UFLO", "other channel", "1700000700.000003", cardTs, "COTHER"), null);

        assertThat(db.count("SELECT COUNT(*) FROM messages")).isEqualTo(before);
    }

    @Test
    void aMessageFromEmailIsPostedIntoTheTicketsThreadOnceHoweverOftenItIsDelivered() throws Exception {
        User requester = world.user("Gus", Role.EMPLOYEE, null);
        User responder = world.user("Hal", Role.RESPONDER, "UHAL");
        Ticket ticket = world.claimedTicket(requester, responder);
        String cardTs = cardOf(ticket);

        posting.post(new PostMessage(ticket.id(), requester.id(), "It smells of smoke now", Channel.EMAIL,
                "<m1@example.com>"));
        long notificationId = db.count("SELECT id FROM notifications WHERE channel = 'slack' AND kind = 'message'"
                + " AND recipient_user_id IS NULL AND ticket_id = ?", ticket.id());
        deliver();
        long messageId = db.count("SELECT id FROM messages WHERE external_id = '<m1@example.com>'");
        slackNotifier().deliver(new Notification(notificationId, ticket.id(), null, Channel.SLACK,
                NotificationKind.MESSAGE, Map.of("ticketId", Long.toString(ticket.id()), "messageId",
                Long.toString(messageId), "origin", "email"), 2));

        assertThat(slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))))
                .singleElement().satisfies(post -> {
                    assertThat(post.param("thread_ts")).isEqualTo(cardTs);
                    assertThat(post.param("text")).isEqualTo("Gus (email): It smells of smoke now");
                });
    }

    @Test
    void theCardIsPostedOnceHoweverOftenOpenedIsDelivered() throws Exception {
        User requester = world.user("Ida", Role.EMPLOYEE, "UIDA");
        Ticket ticket = world.pendingTicket(requester, "desk wobbles");
        deliver();
        Notification again = new Notification(1, ticket.id(), null, Channel.SLACK, NotificationKind.OPENED,
                Map.of("ticketId", Long.toString(ticket.id()), "status", "pending"), 2);

        slackNotifier().deliver(again);
        slackNotifier().deliver(again);

        assertThat(slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))
                && c.blocks().contains("desk wobbles"))).hasSize(1);
        assertThat(db.count("SELECT COUNT(*) FROM slack_ticket_posts WHERE ticket_id = ?", ticket.id())).isEqualTo(1);
    }

    private Notifier slackNotifier() {
        return notifiers.stream().filter(n -> n.channel() == Channel.SLACK).findFirst().orElseThrow();
    }

    /** A requester's ticket claimed by a responder (Slack ids "U" + upper-case name), its card posted. */
    private Claimed claimedThread(String requesterName, String responderName) {
        User requester = world.user(requesterName, Role.EMPLOYEE, "U" + requesterName.toUpperCase());
        User responder = world.user(responderName, Role.RESPONDER, "U" + responderName.toUpperCase());
        String cardTs = cardOf(world.claimedTicket(requester, responder));
        return new Claimed(responder, cardTs, ticketAt(cardTs));
    }

    private record Claimed(User responder, String cardTs, long ticketId) {
    }

    /** Delivers the outbox and returns the ts of the ticket's card. */
    private String cardOf(Ticket ticket) {
        deliver();
        String ts = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))
                && c.blocks().contains("\"value\":\"" + ticket.id() + "\"")).get(0).ts();
        slack.reset();
        return ts;
    }

    private long ticketAt(String ts) {
        return db.count("SELECT ticket_id FROM slack_ticket_posts WHERE channel = ? AND ts = ?", RESPONDERS, ts);
    }
}
