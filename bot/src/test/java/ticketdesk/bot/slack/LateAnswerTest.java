package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/** An answer that comes after Slack already had its plain ack still reaches the person. */
@MicronautTest(transactional = false)
class LateAnswerTest extends SlackTest {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = super.extraProperties();
        p.put("slack.ack-deadline", "300ms");
        return p;
    }

    @Test
    void aFormRefusedAfterTheAckDeadlineSaysWhyInTheChannelItCameFrom() throws Exception {
        User pat = world.user("Pat", Role.EMPLOYEE, "UPAT");
        HttpResponse<String> response;
        try (Connection stuck = db.connect(); Statement sql = stuck.createStatement()) {
            sql.execute("LOCK TABLES user_identities WRITE");
            try {
                response = signed.interaction(Payloads.viewSubmission("UPAT", "z".repeat(10_000), null, null, null,
                        slack.responseUrl("p")));
            } finally {
                sql.execute("UNLOCK TABLES");
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("Slack was acked before the refusal was known")
                .doesNotContain("response_action");
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note -> assertThat(note.param("text"))
                .contains("The ticket was not opened: the title is 10000 characters; at most 200"));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", pat.id())).isZero();
    }
}
