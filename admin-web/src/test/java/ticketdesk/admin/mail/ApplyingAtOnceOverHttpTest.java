package ticketdesk.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketdesk.admin.mail.RawMails.mail;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ticketdesk.admin.web.Http;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.ManagingUsers;
import ticketdesk.core.user.NewUser;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.core.user.UserResult;
import ticketdesk.mail.inbound.InboundPipeline;

/**
 * Two admins click Apply on the same waiting mail at the same moment while the relay delivers it again: the
 * conditional claim lets one through, the other admin is told someone was first, the redelivery is a duplicate, and
 * exactly one ticket (or one message) comes of it.
 */
@MicronautTest(transactional = false)
class ApplyingAtOnceOverHttpTest extends DatabaseTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOKEN = "inbound-token-for-the-race";

    @Inject EmbeddedServer server;
    @Inject InboundPipeline pipeline;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private Http ada;
    private Http ben;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.from", RawMails.SUPPORT, "mail.inbound-token", TOKEN);
    }

    @BeforeAll
    void twoSignedInAdmins() {
        World world = new World(context);
        ada = signedIn(world.admin("Ada Admin"));
        ben = signedIn(world.admin("Ben Admin"));
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoAppliesAndARedeliveryOfAStrangersMailOpenOneTicket() throws Exception {
        for (int round = 0; round < 4; round++) {
            String address = "stranger" + round + "@newcomer.example";
            byte[] raw = mail(address, "Cannot print, round " + round, "<race-" + round + "@newcomer.example>", "",
                    "Nothing prints.");
            pipeline.receive(raw, "imap");
            User sender = created(address);

            List<Integer> answers = applyTwiceWhileRedelivering(rowOf("<race-" + round + "@newcomer.example>"), raw);

            assertThat(answers).as("round " + round).containsExactlyInAnyOrder(303, 409);
            assertThat(db.count("SELECT COUNT(*) FROM tickets WHERE requester_id = ?", sender.id())).isOne();
            assertThat(db.count("SELECT COUNT(*) FROM user_events WHERE event_type = 'mail_applied'"
                    + " AND old_value LIKE ?", "<race-" + round + "@%")).isOne();
        }
    }

    @Test
    void twoAppliesAndARedeliveryOfAHeldReplyAddOneMessage() throws Exception {
        User bob = created("bob@example.com");
        for (int round = 0; round < 4; round++) {
            Ticket ticket = new World(context).pendingTicket(bob);
            String id = "<held-" + round + "@example.com>";
            byte[] raw = mail(bob.email(), "Re: [#" + ticket.id() + "] printer broken", id, "", "Still jams.");
            pipeline.receive(raw, "imap");

            List<Integer> answers = applyTwiceWhileRedelivering(rowOf(id), raw);

            assertThat(answers).as("round " + round).containsExactlyInAnyOrder(303, 409);
            assertThat(db.count("SELECT COUNT(*) FROM messages WHERE ticket_id = ?", ticket.id())).isOne();
        }
    }

    /** The two admins' answers; the relay's redelivery is answered as a duplicate (or to come back later). */
    private List<Integer> applyTwiceWhileRedelivering(long row, byte[] raw) throws Exception {
        String seen = db.count("SELECT COUNT(*) FROM inbound_emails WHERE id = ? AND outcome = 'unknown_sender'", row)
                == 1 ? "unknown_sender" : "unmatched";
        Map<String, String> adaForm = form(ada, row, seen);
        Map<String, String> benForm = form(ben, row, seen);
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
        for (Callable<HttpResponse<String>> click : List.<Callable<HttpResponse<String>>>of(
                () -> at(start, () -> ada.postForm("/admin/mail/" + row + "/apply", adaForm)),
                () -> at(start, () -> ben.postForm("/admin/mail/" + row + "/apply", benForm)),
                () -> at(start, () -> new Http(server.getURI()).post("/mail/inbound", "message/rfc822",
                        new String(raw, java.nio.charset.StandardCharsets.UTF_8), "Authorization",
                        "Bearer " + TOKEN)))) {
            clicks.add(threads.submit(click));
        }
        HttpResponse<String> relay = clicks.get(2).get(30, TimeUnit.SECONDS);
        assertThat(relay.statusCode()).as(relay.body()).isIn(200, 503);
        assertThat(relay.body()).contains("\"outcome\":\"duplicate\"");
        List<Integer> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> click : clicks.subList(0, 2)) {
            HttpResponse<String> answer = click.get(30, TimeUnit.SECONDS);
            answers.add(answer.statusCode());
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("Someone handled this mail first");
            }
        }
        return answers;
    }

    private static <T> T at(CyclicBarrier start, Callable<T> action) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        return action.call();
    }

    private Map<String, String> form(Http admin, long row, String seen) {
        String csrf = Http.csrfOf(admin.get("/admin/mail/" + row).body()).orElseThrow();
        return Map.of("_csrf", csrf, "seen", seen);
    }

    private Http signedIn(User admin) {
        context.getBean(ManagingUsers.class).setPassword(admin.id(), PASSWORD);
        Http http = new Http(server.getURI());
        assertThat(http.signIn(admin.email(), PASSWORD).statusCode()).isEqualTo(303);
        return http;
    }

    private User created(String address) {
        return ((UserResult.Saved) context.getBean(ManagingUsers.class)
                .create(NewUser.of(address.substring(0, address.indexOf('@')), address, Role.EMPLOYEE))).user();
    }

    private long rowOf(String messageId) {
        return db.count("SELECT id FROM inbound_emails WHERE message_id = ?", messageId);
    }
}
