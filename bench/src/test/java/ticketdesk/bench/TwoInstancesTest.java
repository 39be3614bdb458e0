package ticketdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the packaged jar on one database, the same fake Slack, SMTP server and inbound
 * token, both running their outbox workers. Every request goes to both at once (as a load balancer
 * and Slack's or a mail relay's retries would cause; emails are re-sent after a 503 as a relay does):
 * tickets opened by email and by {@code /ticket},
 * Claim clicks racing across instances, Slack thread replies and inbound email replies. The database,
 * the fake Slack and the SMTP server then show that everything happened exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final int EMAIL_TICKETS = 10;
    private static final int SLACK_TICKETS = 10;
    private static final int RESPONDERS = 5;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static Stack stack;
    private static Flows flows;
    private static AppInstance a;
    private static AppInstance b;
    private static final Map<Long, FakeSlack.Card> cards = new LinkedHashMap<>();
    private static final List<Long> emailTickets = new ArrayList<>();
    private static final ExecutorService pool = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        stack = Stack.create("td_two", Path.of("target", "two-instances-logs").toAbsolutePath());
        flows = new Flows(stack);
        List<AppInstance> both = stack.launchAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), "instance-a",
                "instance-b");
        a = both.get(0);
        b = both.get(1);
        String slackMissing = Probe.slackMissing(stack, a);
        assertThat(slackMissing).as("the Slack endpoint of the jar").isNull();
        flows.seedResponders(RESPONDERS);
        for (int e = 0; e < EMAIL_TICKETS; e++) {
            stack.db.user("Email Employee " + e, emailEmployee(e), "employee", null);
        }
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anEmailDeliveredToBothInstancesOpensOneTicket() {
        List<HttpRequest> sends = new ArrayList<>();
        for (int e = 0; e < EMAIL_TICKETS; e++) {
            byte[] raw = Mails.newRequest(emailEmployee(e), Stack.SUPPORT_ADDRESS, "<two-new-" + e + "@bench.example>",
                    "Laptop " + e + " will not boot", "It shows a blinking cursor.");
            sends.add(flows.inboundMail(a, raw));
            sends.add(flows.inboundMail(b, raw));
        }
        List<HttpResponse<String>> answers = relayed(sends);
        emailTickets.addAll(stack.db.longs("SELECT id FROM tickets WHERE source = 'email' ORDER BY id"));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> r.body().contains("\"outcome\":\"opened_ticket\"")).count())
                .isEqualTo(EMAIL_TICKETS);
        assertThat(stack.db.count("SELECT COUNT(*) FROM tickets WHERE source = 'email'")).isEqualTo(EMAIL_TICKETS);
        assertThat(stack.db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id LIKE '%two-new-%'"))
                .isEqualTo(EMAIL_TICKETS);
    }

    @Test
    @Order(2)
    void slashCommandsOnBothInstancesPostEachCardOnce() {
        cards.putAll(flows.openTickets(List.of(a, b), SLACK_TICKETS, 4, SETTLE));
        Flows.await("a card for every ticket", SETTLE, () -> stack.slack.cards().stream()
                .map(FakeSlack.Card::ticketId).distinct().count() >= EMAIL_TICKETS + SLACK_TICKETS);
        stack.slack.cards().forEach(card -> cards.putIfAbsent(card.ticketId(), card));

        assertThat(stack.db.count("SELECT COUNT(*) FROM tickets")).isEqualTo(EMAIL_TICKETS + SLACK_TICKETS);
        assertThat(cards).hasSize(EMAIL_TICKETS + SLACK_TICKETS);
    }

    @Test
    @Order(3)
    void claimsRacingAcrossInstancesLeaveEveryTicketWithExactlyOneHolder() {
        List<HttpRequest> clicks = new ArrayList<>();
        for (FakeSlack.Card card : cards.values()) {
            for (int r = 0; r < RESPONDERS; r++) {
                clicks.add(flows.claim(r % 2 == 0 ? a : b, card, Flows.responder(r)));
            }
        }
        List<HttpResponse<String>> answers = all(clicks);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(stack.db.count("SELECT COUNT(*) FROM tickets WHERE status = 'in_process'"
                + " AND responder_id IS NOT NULL")).isEqualTo(cards.size());
        assertThat(stack.db.count("SELECT COUNT(*) FROM ticket_events WHERE event_type = 'claimed'"))
                .isEqualTo(cards.size());
        assertThat(stack.db.count(ClaimStormScenario.DOUBLE_CLAIMS)).isZero();
    }

    @Test
    @Order(4)
    void threadRepliesDeliveredToBothInstancesAreStoredOnce() {
        List<HttpRequest> events = new ArrayList<>();
        int n = 0;
        for (FakeSlack.Card card : cards.values()) {
            String holderSlackId = stack.db.text("SELECT i.external_id FROM tickets t JOIN user_identities i"
                    + " ON i.user_id = t.responder_id AND i.platform = 'slack' WHERE t.id = ?", card.ticketId());
            String ts = "1800000000." + String.format("%06d", ++n);
            HttpRequest reply = stack.slackRequests.threadReply(a.uri("/"), holderSlackId, FakeSlack.RESPONDER_CHANNEL,
                    card.ts(), ts, "On my way to fix ticket " + card.ticketId());
            events.add(reply);
            events.add(stack.slackRequests.threadReply(b.uri("/"), holderSlackId, FakeSlack.RESPONDER_CHANNEL,
                    card.ts(), ts, "On my way to fix ticket " + card.ticketId()));
        }
        List<HttpResponse<String>> answers = all(events);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        Flows.await("every thread reply stored", SETTLE, () -> stack.db.count(
                "SELECT COUNT(*) FROM messages WHERE channel = 'slack'") >= cards.size());
        assertThat(stack.db.count("SELECT COUNT(*) FROM messages WHERE channel = 'slack'")).isEqualTo(cards.size());
        assertThat(stack.db.count("SELECT COUNT(DISTINCT ticket_id) FROM messages WHERE channel = 'slack'"))
                .isEqualTo(cards.size());
    }

    @Test
    @Order(5)
    void emailRepliesDeliveredToBothInstancesAreAppliedOnce() {
        Map<Long, Mails.Received> claimedMails = new HashMap<>();
        Flows.await("a 'claimed' email to every email requester", SETTLE, () -> {
            Mails.received(stack.smtp).stream().filter(m -> emailTickets.contains(m.ticketId()))
                    .filter(m -> m.replyTo() != null && m.subject().toLowerCase().contains("claimed"))
                    .forEach(m -> claimedMails.putIfAbsent(m.ticketId(), m));
            return claimedMails.size() == EMAIL_TICKETS;
        });
        List<HttpRequest> sends = new ArrayList<>();
        for (Mails.Received original : claimedMails.values()) {
            byte[] raw = Mails.reply(original.to(), original, "<two-reply-" + original.ticketId() + "@bench.example>",
                    "Thanks, it still blinks.");
            sends.add(flows.inboundMail(a, raw));
            sends.add(flows.inboundMail(b, raw));
        }
        List<HttpResponse<String>> answers = relayed(sends);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> r.body().contains("\"outcome\":\"applied\"")).count())
                .isEqualTo(EMAIL_TICKETS);
        assertThat(stack.db.count("SELECT COUNT(*) FROM messages WHERE channel = 'email'"
                + " AND external_id LIKE '%two-reply-%'")).isEqualTo(EMAIL_TICKETS);
        assertThat(stack.db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id LIKE '%two-reply-%'"))
                .isEqualTo(EMAIL_TICKETS);
    }

    @Test
    @Order(6)
    void everyNotificationIsDeliveredExactlyOnce() {
        Flows.await("every notification sent", SETTLE, () -> stack.db.count("SELECT COUNT(*) FROM notifications"
                + " WHERE status <> 'sent'") == 0);
        // all quiet: both workers have had time to deliver anything twice if they were going to
        AppInstance.sleep(1500);

        assertThat(stack.db.count("SELECT COUNT(*) FROM notifications")).isPositive();
        assertThat(stack.db.count("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")).isZero();
        assertThat(stack.db.count("SELECT COUNT(*) FROM (SELECT 1 FROM notifications GROUP BY ticket_id,"
                + " recipient_user_id, channel, kind, payload HAVING COUNT(*) > 1) twice")).isZero();

        List<Mails.Received> mails = Mails.received(stack.smtp);
        assertThat(mails.stream().map(Mails.Received::messageId).distinct().count()).isEqualTo(mails.size());
        assertThat(mails).as("emails at the SMTP server").isNotEmpty();
        assertThat((long) stack.smtp.getReceivedMessages().length).isLessThanOrEqualTo(stack.db.count(
                "SELECT COUNT(*) FROM notifications WHERE channel = 'email' AND status = 'sent'"));
        Map<Long, Long> postsPerTicket = stack.slack.cards().stream()
                .collect(Collectors.groupingBy(FakeSlack.Card::ticketId, Collectors.counting()));
        assertThat(postsPerTicket).as("card posts per ticket").hasSize(EMAIL_TICKETS + SLACK_TICKETS)
                .allSatisfy((ticket, posts) -> assertThat(posts).isEqualTo(1));
        assertThat(stack.slack.threadPosts().stream().filter(c -> c.param("text").contains("still blinks")))
                .as("email replies relayed into their ticket's thread").hasSize(EMAIL_TICKETS);
    }

    @Test
    @Order(7)
    void aSlashCommandReplayedToTheOtherInstanceOpensNoSecondTicket() {
        SlackRequests.Signed command = stack.slackRequests.signedSlashCommand(Flows.employee(1), "monitor is black");
        List<HttpResponse<String>> answers = all(List.of(SlackRequests.request(a.uri("/"), command),
                SlackRequests.request(b.uri("/"), command)));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        Flows.await("the ticket", SETTLE, () -> stack.db.count("SELECT COUNT(*) FROM tickets"
                + " WHERE title = 'monitor is black'") > 0);
        AppInstance.sleep(1000);
        assertThat(stack.db.count("SELECT COUNT(*) FROM tickets WHERE title = 'monitor is black'")).isEqualTo(1);
    }

    /** Sends every request at once (16 at a time) and returns the answers in order. */
    private static List<HttpResponse<String>> all(List<HttpRequest> requests) {
        return all(requests, false);
    }

    /** As a mail relay delivers: all at once, each retried after a 503 until it gets its final answer. */
    private static List<HttpResponse<String>> relayed(List<HttpRequest> requests) {
        return all(requests, true);
    }

    private static List<HttpResponse<String>> all(List<HttpRequest> requests, boolean asARelay) {
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (HttpRequest request : requests) {
            futures.add(pool.submit(() -> asARelay ? flows.relay(request) : flows.send(request)));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            try {
                answers.add(f.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }

    private static String emailEmployee(int i) {
        return "mailer" + i + "@bench.example";
    }
}
