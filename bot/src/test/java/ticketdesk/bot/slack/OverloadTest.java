package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * More Slack requests than the handlers can take: the surplus is told at once that nothing was done, and
 * everything that was acknowledged as taken is done.
 */
@MicronautTest(transactional = false)
class OverloadTest extends SlackTest {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = super.extraProperties();
        p.put("slack.handler-threads", "2");
        p.put("slack.handler-queue", "1");
        p.put("slack.ack-deadline", "300ms");
        return p;
    }

    @Test
    void requestsBeyondTheQueueAreRefusedAtOnceAndTheAcceptedOnesAreAllDone() throws Exception {
        User dan = world.user("Dan", Role.EMPLOYEE, "UDAN");
        world.user("Bo", Role.RESPONDER, "UBO");
        Ticket ticket = world.pendingTicket(world.user("Eve", Role.EMPLOYEE, "UEVE"));
        List<HttpResponse<String>> answers = new ArrayList<>();
        HttpResponse<String> form;
        HttpResponse<String> claim;
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try (Connection stuck = holdingTheRowOf(dan)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String title = "printer " + i;
                sent.add(senders.submit(() -> signed.command("UDAN", "dan", title, slack.responseUrl("d"))));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            form = signed.interaction(Payloads.viewSubmission("UDAN", "printer form", null, null, null,
                    slack.responseUrl("d")));
            claim = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UBO",
                    slack.responseUrl("b"), "1700000000.000101"));
            stuck.rollback();
        } finally {
            senders.shutdown();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).body().contains(Acknowledger.BUSY)) {
                refused.add(i);
            } else {
                assertThat(answers.get(i).body()).contains(Acknowledger.STILL_WORKING);
            }
        }
        assertThat(refused).as("two handlers and one place in the queue: three of six wait, three are refused")
                .hasSize(3);
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", dan.id()) == 3);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE title = ?", "printer " + i))
                    .as("printer " + i).isEqualTo(refused.contains(i) ? 0 : 1);
        }
        JsonObject formAnswer = JsonParser.parseString(form.body()).getAsJsonObject();
        assertThat(formAnswer.get("response_action").getAsString()).as("the form stays open").isEqualTo("errors");
        assertThat(formAnswer.getAsJsonObject("errors").get(NewTicketForm.TITLE).getAsString())
                .isEqualTo(Acknowledger.BUSY);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE title = 'printer form'")).isZero();
        assertThat(claim.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("response_url", note -> Acknowledger.BUSY.equals(note.param("text"))).isEmpty());
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).as("the refused claim changed nothing").isEqualTo(1);
    }
}
