package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without SLACK_TEAM_ID an existing single-team install keeps working: ticketdesk asks Slack which team its
 * bot token is of (auth.test) and serves only that team, whatever a request says.
 */
@MicronautTest(transactional = false)
class TeamFromTokenTest extends SlackTest {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = super.extraProperties();
        p.remove("slack.team-id");
        return p;
    }

    @Test
    void aFirstTimeUserOfTheTokensTeamIsSetUpAndOneOfAnotherTeamIsRefused() {
        slack.knowsUser("UNEWBIE", "Nora Newbie", "nora@example.com");
        slack.knowsUser("UOUTSIDER", "Olaf Outsider", "olaf@example.com");

        HttpResponse<String> ours = signed.command("UNEWBIE", "nora", "vpn down", slack.responseUrl("n"));
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE title = 'vpn down'") == 1);
        HttpResponse<String> theirs = signed.post(SignedSlack.commandBody("UOUTSIDER", "olaf", "vpn down too",
                slack.responseUrl("o"), "TOTHER"), "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());

        assertThat(ours.body()).contains(TicketCommandHandler.FIRST_TIME);
        assertThat(db.count("SELECT COUNT(*) FROM user_identities WHERE external_id = 'UNEWBIE'")).isEqualTo(1);
        assertThat(JsonParser.parseString(theirs.body()).getAsJsonObject().get("text").getAsString())
                .contains("not a member of the workspace this ticketdesk serves");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE title = 'vpn down too'")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = 'olaf@example.com'")).isZero();
    }
}
