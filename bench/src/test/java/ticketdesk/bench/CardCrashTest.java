package ticketdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, point 6: the packaged jar killed with SIGKILL while Slack holds the answer to its card's
 * {@code chat.postMessage} (the card posted, its ts never stored), then started again on the same database.
 * A claim and a release after the restart leave exactly one card, showing the ticket as it is, and no
 * notification fails.
 */
class CardCrashTest {

    private static final List<String> JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
    /** Short leases, so the test waits seconds, not minutes, for what the dead instance had taken. */
    private static final Map<String, String> LEASES = Map.of("SLACK_CARD_POSTING_LEASE", "4s",
            "TICKETDESK_OUTBOX_LEASE", "8s");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static Stack stack;
    private static Flows flows;

    @BeforeAll
    static void start() {
        stack = Stack.create("td_crash", Path.of("target", "card-crash-logs").toAbsolutePath());
        flows = new Flows(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anInstanceKilledWhilePostingACardLeavesOneCardThatShowsTheTruthAndNoFailedNotification() {
        AppInstance doomed = stack.launch("card-crash-first", JVM, LEASES);
        flows.seedResponders(1);
        stack.slack.holdCardPosts();
        HttpResponse<String> opened = flows.send(stack.slackRequests.slashCommand(doomed.uri("/"), Flows.employee(0),
                "plotter on fire"));
        assertThat(opened.statusCode()).isEqualTo(200);
        FakeSlack.Card card = stack.slack.awaitHeldCardPost(SETTLE);

        assertThat(doomed.kill()).as("exit code of SIGKILL").isEqualTo(128 + 9);
        assertThat(stack.db.count("SELECT COUNT(*) FROM slack_ticket_posts WHERE ticket_id = ? AND ts IS NULL",
                card.ticketId())).as("the card's ts was never stored").isEqualTo(1);
        stack.slack.stopHolding();

        AppInstance restarted = stack.launch("card-crash-second", JVM, LEASES);
        assertThat(flows.send(flows.claim(restarted, card, Flows.responder(0))).statusCode()).isEqualTo(200);
        awaitEverythingSent();
        assertOneCardShowing(card, "Claimed by <@" + Flows.responder(0) + ">", "\"action_id\":\"resolve\"");

        FakeSlack.Button release = new FakeSlack.Button("release", Long.toString(card.ticketId()),
                "ticket-" + card.ticketId());
        assertThat(flows.send(stack.slackRequests.buttonClick(restarted.uri("/"), Flows.responder(0),
                FakeSlack.RESPONDER_CHANNEL, card.ts(), release, "Release")).statusCode()).isEqualTo(200);
        awaitEverythingSent();
        assertOneCardShowing(card, "Waiting for a responder", "\"action_id\":\"claim\"");
    }

    private static void awaitEverythingSent() {
        Flows.await("every notification sent", SETTLE, () -> stack.db.count("SELECT COUNT(*) FROM notifications"
                + " WHERE status = 'pending'") == 0);
        assertThat(stack.db.count("SELECT COUNT(*) FROM notifications WHERE status = 'failed'")).isZero();
    }

    private static void assertOneCardShowing(FakeSlack.Card card, String state, String button) {
        assertThat(stack.slack.cards()).as("card posts").hasSize(1);
        List<FakeSlack.Message> shown = stack.slack.messages(FakeSlack.RESPONDER_CHANNEL).stream()
                .filter(m -> m.ticketId() == card.ticketId()).toList();
        assertThat(shown).as("cards of the ticket in the channel").singleElement().satisfies(message -> {
            assertThat(message.ts()).isEqualTo(card.ts());
            assertThat(message.blocks()).contains(state).contains(button);
        });
        assertThat(stack.db.count("SELECT COUNT(*) FROM slack_ticket_posts WHERE ticket_id = ? AND ts = ?",
                card.ticketId(), card.ts())).isEqualTo(1);
    }
}
