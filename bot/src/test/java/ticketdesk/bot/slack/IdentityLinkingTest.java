package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

/**
 * Issue 11, point 2: a Slack account is linked to a ticketdesk account by its email only for an employee of
 * the installation's own team (SLACK_TEAM_ID); every link is a user event, and people of another team are
 * told no and change nothing.
 */
@MicronautTest(transactional = false)
class IdentityLinkingTest extends SlackTest {

    @Test
    void anEmployeesFirstSlackCommandLinksTheirAccountByEmailAndTheLinkIsRecorded() {
        User dora = world.employee("Dora");
        slack.knowsUser("UDORA", "Dora Smith", dora.email());

        signed.command("UDORA", "dora", "list", slack.responseUrl("dora"));

        eventually(() -> db.count("SELECT COUNT(*) FROM user_identities WHERE external_id = 'UDORA'"
                + " AND user_id = ?", dora.id()) == 1);
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = ?", dora.email())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ? AND event_type = 'identity_linked'"
                + " AND field = 'slack' AND new_value = 'UDORA' AND channel = 'slack'", dora.id())).isEqualTo(1);
    }

    @Test
    void anUnknownSlackUserWithAnAdminsOrRespondersEmailIsNotLinkedAndIsToldAnAdminLinksThem() {
        for (User owner : List.of(world.admin("Ada"), world.responder("Rex"))) {
            String mallory = "UMAL" + owner.id();
            slack.knowsUser(mallory, "Mallory", owner.email());
            slack.reset();
            long tickets = db.count("SELECT COUNT(*) FROM tickets");

            HttpResponse<String> response = signed.command(mallory, "mallory", "list", slack.responseUrl(mallory));

            assertThat(response.body()).contains(TicketCommandHandler.FIRST_TIME);
            eventually(() -> !slack.calls("response_url").isEmpty());
            assertThat(slack.calls("response_url")).singleElement().satisfies(note -> assertThat(note.param("text"))
                    .contains("never linked automatically").contains("ask an admin to link your id " + mallory)
                    .contains("admin panel"));
            assertThat(db.count("SELECT COUNT(*) FROM user_identities WHERE external_id = ?", mallory)).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE user_id = ?"
                    + " AND event_type = 'identity_link_refused' AND new_value LIKE ?", owner.id(), mallory + "%"))
                    .isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM tickets")).isEqualTo(tickets);
        }
    }

    @Test
    void aClaimFromSomeoneWithAnAdminsEmailClaimsNothing() {
        User admin = world.admin("Ari");
        Ticket ticket = world.pendingTicket(world.user("Ned", Role.EMPLOYEE, "UNED"));
        deliver();
        slack.knowsUser("UMAL2", "Mallory", admin.email());
        slack.reset();

        HttpResponse<String> pressed = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticket.id()),
                "UMAL2", slack.responseUrl("m2"), "1700000000.000200"));

        assertThat(pressed.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url").get(0).param("text")).contains("never linked automatically");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'"
                + " AND responder_id IS NULL", ticket.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM user_identities WHERE external_id = 'UMAL2'")).isZero();
    }

    @Test
    void requestsFromAnotherTeamGetAClearAnswerAndChangeNothingEvenForAnAccountLinkedBefore() {
        world.user("Otto", Role.ADMIN, "UOTTO");
        Ticket ticket = world.pendingTicket(world.user("Pia", Role.EMPLOYEE, "UPIA"));
        deliver();
        slack.knowsUser("UGUEST", "Guest", "guest@elsewhere.example");
        slack.reset();
        long written = written();

        HttpResponse<String> known = signed.post(SignedSlack.commandBody("UOTTO", "otto", "new laptop",
                slack.responseUrl("o"), "TOTHER"), "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());
        HttpResponse<String> newcomer = signed.post(SignedSlack.commandBody("UGUEST", "guest", "new laptop",
                slack.responseUrl("g"), "TOTHER"), "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());
        JsonObject press = JsonParser.parseString(Payloads.buttonPress("claim", Long.toString(ticket.id()), "UOTTO",
                slack.responseUrl("o2"), "1700000000.000201")).getAsJsonObject();
        press.getAsJsonObject("user").addProperty("team_id", "TOTHER");
        HttpResponse<String> claim = signed.interaction(press.toString());

        for (HttpResponse<String> answer : List.of(known, newcomer)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JsonParser.parseString(answer.body()).getAsJsonObject().get("text").getAsString())
                    .isEqualTo("You are not a member of the workspace this ticketdesk serves, so nothing was done.");
        }
        assertThat(claim.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).singleElement().satisfies(note ->
                assertThat(note.param("text")).contains("not a member of the workspace"));
        assertThat(slack.calls("users.info")).as("nobody of another team is looked up").isEmpty();
        assertThat(written()).isEqualTo(written);
    }

    private long written() {
        return db.count("SELECT (SELECT COUNT(*) FROM tickets) + (SELECT COUNT(*) FROM ticket_events)"
                + " + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM user_identities)"
                + " + (SELECT COUNT(*) FROM user_events) + (SELECT COUNT(*) FROM messages)");
    }
}
