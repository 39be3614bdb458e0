package ticketdesk.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.DeactivatingUser;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;

@MicronautTest(transactional = false)
class SlashCommandTest extends SlackTest {

    @Inject DeactivatingUser deactivating;

    @Test
    void signedTicketCommandOpensTheTicketAndPostsItsCardWithClaimAndDecline() {
        User bob = world.user("Bob", Role.EMPLOYEE, "U1");

        long start = System.nanoTime();
        HttpResponse<String> response = signed.command("U1", "bob", "printer broken", slack.responseUrl("c1"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(millis).isLessThan(3000);
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'printer broken' AND requester_id = ?"
                + " AND source = 'slack' AND status = 'pending'", bob.id());
        assertThat(response.body()).contains("Ticket #" + ticketId + " opened").contains("ephemeral");
        assertThat(slack.calls()).as("no Web API call before the ack").isEmpty();

        deliver();

        var posts = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel")));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).blocks()).contains("\"action_id\":\"claim\"")
                .contains("\"action_id\":\"decline\"").contains("\"value\":\"" + ticketId + "\"")
                .contains("printer broken");
        assertThat(db.count("SELECT COUNT(*) FROM slack_ticket_posts WHERE ticket_id = ? AND channel = ?"
                + " AND ts IS NOT NULL", ticketId, RESPONDERS)).isEqualTo(1);
    }

    @Test
    void aFirstTimeSlackUserBecomesAnEmployeeWithTheNameAndEmailSlackKnows() {
        slack.knowsUser("UNEW1", "Carol Jones", "carol.new1@example.com");

        HttpResponse<String> response = signed.command("UNEW1", "carol", "vpn down", slack.responseUrl("new1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Setting up your ticketdesk account");
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE title = 'vpn down'") == 1);
        assertThat(db.count("SELECT COUNT(*) FROM users u JOIN user_identities i ON i.user_id = u.id"
                + " WHERE i.platform = 'slack' AND i.external_id = 'UNEW1' AND u.display_name = 'Carol Jones'"
                + " AND u.email = 'carol.new1@example.com' AND u.role = 'employee'")).isEqualTo(1);
        assertThat(slack.calls("users.info").get(0).param("user")).isEqualTo("UNEW1");
        deliver();
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).anySatisfy(c -> {
            assertThat(c.param("text")).contains("opened: vpn down");
            assertThat(c.param("response_type")).isEqualTo("ephemeral");
        });
    }

    @Test
    void aFirstTimeSlackUserWhoseAccountCannotBeCreatedIsToldToTryAgain() throws Exception {
        slack.knowsUser("UQUINN", "Quinn Refused", "quinn@example.com");
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TRIGGER refuse_quinn BEFORE INSERT ON users FOR EACH ROW BEGIN"
                    + " IF NEW.display_name = 'Quinn Refused' THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END");
            try {
                HttpResponse<String> response = signed.command("UQUINN", "quinn", "vpn gone", slack.responseUrl("q"));
                assertThat(response.body()).contains("Setting up your ticketdesk account");
                eventually(() -> !slack.calls("response_url").isEmpty());
            } finally {
                sql.execute("DROP TRIGGER refuse_quinn");
            }
        }

        assertThat(slack.calls("response_url")).singleElement().satisfies(note ->
                assertThat(note.param("text")).isEqualTo(SlackPeople.TRY_AGAIN));
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE title = 'vpn gone'")).isZero();
    }

    @Test
    void priorityCategoryAndDescriptionFollowTheHelpSyntax() {
        User erin = world.user("Erin", Role.EMPLOYEE, "UERIN");

        HttpResponse<String> response = signed.command("UERIN", "erin",
                "printer jams !high #hardware -- the one on the 3rd floor", slack.responseUrl("e"));

        assertThat(response.body()).contains("priority high").contains("category hardware");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ? AND title = 'printer jams'"
                + " AND priority = 'high' AND category = 'hardware' AND description = 'the one on the 3rd floor'",
                erin.id())).isEqualTo(1);
    }

    @Test
    void aTenThousandCharacterTitleIsRefusedClearlyAndNothingIsWritten() {
        world.user("Fred", Role.EMPLOYEE, "UFRED");
        long tickets = db.count("SELECT COUNT(*) FROM tickets");
        long events = db.count("SELECT COUNT(*) FROM ticket_events");
        long notifications = db.count("SELECT COUNT(*) FROM notifications");

        HttpResponse<String> response = signed.command("UFRED", "fred", "x".repeat(10_000), slack.responseUrl("f"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).contains("not opened").contains("10000 characters").contains("at most 200");
        assertThat(db.count("SELECT COUNT(*) FROM tickets")).isEqualTo(tickets);
        assertThat(db.count("SELECT COUNT(*) FROM ticket_events")).isEqualTo(events);
        assertThat(db.count("SELECT COUNT(*) FROM notifications")).isEqualTo(notifications);
    }

    @Test
    void helpExplainsTheSyntaxWithoutTouchingAnything() {
        long users = db.count("SELECT COUNT(*) FROM users");

        HttpResponse<String> response = signed.command("UHELP", "helen", "help", slack.responseUrl("h"));

        assertThat(text(response)).contains("/ticket list").contains("/ticket status 42").contains("!high")
                .contains("#hardware").contains("--");
        assertThat(db.count("SELECT COUNT(*) FROM users")).isEqualTo(users);
    }

    @Test
    void listStatusAndCloseHonourWhoMaySeeATicket() {
        User gina = world.user("Gina", Role.EMPLOYEE, "UGINA");
        User hank = world.user("Hank", Role.EMPLOYEE, "UHANK");
        Ticket ginas = world.pendingTicket(gina, "gina's laptop");
        Ticket hanks = world.pendingTicket(hank, "hank's phone");

        assertThat(text(signed.command("UGINA", "gina", "list", slack.responseUrl("g"))))
                .contains("#" + ginas.id() + " [pending] gina's laptop").doesNotContain("hank's phone");
        assertThat(text(signed.command("UGINA", "gina", "status " + ginas.id(), slack.responseUrl("g"))))
                .contains("gina's laptop").contains("Status: pending");
        assertThat(text(signed.command("UGINA", "gina", "status " + hanks.id(), slack.responseUrl("g"))))
                .contains("#" + hanks.id() + " was not found").doesNotContain("hank's phone");
        assertThat(text(signed.command("UGINA", "gina", "close " + hanks.id(), slack.responseUrl("g"))))
                .contains("not found");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", hanks.id()))
                .isEqualTo(1);

        assertThat(text(signed.command("UGINA", "gina", "close #" + ginas.id(), slack.responseUrl("g"))))
                .contains("#" + ginas.id() + " is now cancelled");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'cancelled'", ginas.id()))
                .isEqualTo(1);
    }

    @Test
    void closeResolvesATicketTheCallerHolds() {
        User ivan = world.user("Ivan", Role.EMPLOYEE, "UIVAN");
        User judy = world.user("Judy", Role.RESPONDER, "UJUDY");
        Ticket ticket = world.claimedTicket(ivan, judy);

        assertThat(text(signed.command("UJUDY", "judy", "close " + ticket.id(), slack.responseUrl("j"))))
                .contains("#" + ticket.id() + " is now resolved");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'done'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void aDeactivatedUserIsToldSoAndNothingIsOpenedShownOrClosed() {
        User kim = world.user("Kim", Role.EMPLOYEE, "UKIM");
        Ticket before = world.pendingTicket(kim, "old chair");
        deactivating.deactivate(kim.id(), null, Channel.WEB);

        assertThat(text(signed.command("UKIM", "kim", "new monitor", slack.responseUrl("k"))))
                .contains("deactivated");
        assertThat(text(signed.command("UKIM", "kim", "list", slack.responseUrl("k")))).contains("deactivated")
                .doesNotContain("old chair");
        assertThat(text(signed.command("UKIM", "kim", "status " + before.id(), slack.responseUrl("k"))))
                .contains("deactivated").doesNotContain("old chair");
        assertThat(text(signed.command("UKIM", "kim", "close " + before.id(), slack.responseUrl("k"))))
                .contains("deactivated");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", kim.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE id = ? AND status = 'pending'", before.id()))
                .isEqualTo(1);
    }

    @Test
    void badSyntaxIsExplained() {
        assertThat(text(signed.command("ULEO", "leo", "status soon", slack.responseUrl("l"))))
                .contains("`status` needs a ticket number").contains("/ticket help");
        assertThat(text(signed.command("ULEO", "leo", "wifi !asap", slack.responseUrl("l"))))
                .contains("not a priority");
    }

    @Test
    void ticketAloneOpensTheFormRightAfterTheAck() {
        world.user("Mia", Role.EMPLOYEE, "UMIA");

        HttpResponse<String> response = signed.command("UMIA", "mia", "", slack.responseUrl("m"));

        assertThat(response.statusCode()).isEqualTo(200);
        eventually(() -> !slack.calls("views.open").isEmpty());
        FakeSlack.Call open = slack.calls("views.open").get(0);
        assertThat(open.param("trigger_id")).startsWith("trigger-UMIA-");
        assertThat(open.param("view")).contains(NewTicketForm.CALLBACK_ID).contains("Title").contains("Priority")
                .contains("Category").contains("Description");
    }

    @Test
    void submittingTheFormOpensTheTicketAndSaysSoInTheChannel() {
        User nina = world.user("Nina", Role.EMPLOYEE, "UNINA");

        HttpResponse<String> response = signed.interaction(Payloads.viewSubmission("UNINA", "keyboard dead",
                "no keys work", "urgent", "hardware", slack.responseUrl("n")));

        assertThat(response.statusCode()).isEqualTo(200);
        long id = db.count("SELECT id FROM tickets WHERE requester_id = ? AND title = 'keyboard dead'"
                + " AND description = 'no keys work' AND priority = 'urgent' AND category = 'hardware'", nina.id());
        deliver();
        eventually(() -> !slack.calls("response_url").isEmpty());
        assertThat(slack.calls("response_url")).anySatisfy(c ->
                assertThat(c.param("text")).contains("Ticket #" + id + " opened"));
    }

    @Test
    void aFormWithAnOverlongTitleShowsTheProblemOnTheFormAndOpensNothing() {
        User omar = world.user("Omar", Role.EMPLOYEE, "UOMAR");

        HttpResponse<String> response = signed.interaction(Payloads.viewSubmission("UOMAR", "y".repeat(10_000),
                null, null, null, slack.responseUrl("o")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_action\":\"errors\"").contains("\"title\"")
                .contains("at most 200");
        assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", omar.id())).isZero();
    }

    private static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
    }
}
