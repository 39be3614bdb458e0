package ticketdesk.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;
import ticketdesk.mail.MailTest;

/**
 * Every reply of the corpus ({@link ReplyCase}) goes the real way: posted to {@code POST /mail/inbound},
 * matched to the ticket whose notification it answers, and its stored {@code messages.body} (or, for a
 * forward that opens a ticket, {@code tickets.description}) read back from MariaDB as bytes and compared
 * with the visible reply byte for byte. The pass counts per language and client are printed at the end.
 */
@MicronautTest(transactional = false)
class RepliesFromEveryClientTest extends MailTest {

    private final CorpusTally tally = new CorpusTally();

    @Inject @Client("/") HttpClient http;

    User requester;
    Answering notification;

    @BeforeAll
    void aRequesterWithAClaimedTicketAndItsNotification() {
        World world = new World(context);
        requester = world.employee("Robin Requester");
        Ticket ticket = world.claimedTicket(requester, world.responder("Alex Responder"));
        MimeMessage claimed = deliveredTo(requester.email()).stream()
                .filter(m -> subject(m).startsWith("[#" + ticket.id() + "]")).findFirst().orElseThrow();
        notification = Answering.to(claimed);
    }

    static List<ReplyCase> corpus() {
        return ReplyCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachReplyIsStoredAsExactlyTheTextItsWriterSees(ReplyCase reply) {
        String messageId = Emails.newMessageId();
        String to = reply.opensATicket() ? SUPPORT : notification.replyTo();
        Map<?, ?> answer = post(CorpusMail.of(reply, requester.email(), to, notification.subject(), messageId,
                notification.messageId()));

        byte[] stored = stored(reply, messageId, answer);

        tally.record(reply, new String(stored, StandardCharsets.UTF_8).equals(reply.expected()));
        assertThat(answer.get("outcome")).isEqualTo(reply.opensATicket() ? "opened_ticket"
                : reply.expected().isEmpty() ? "empty" : "applied");
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(reply.expected());
        assertThat(stored).isEqualTo(reply.expected().getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void printThePassCounts() {
        tally.print(System.out, Path.of("target", "reply-corpus.txt"));
    }

    /** What MariaDB holds for the case, as bytes; nothing for a reply with no new text. */
    private byte[] stored(ReplyCase reply, String messageId, Map<?, ?> answer) {
        if (reply.opensATicket()) {
            Object ticketId = answer.get("ticketId");
            return ticketId == null ? new byte[0]
                    : bytes("SELECT CAST(description AS BINARY) FROM tickets WHERE id = ?", ticketId);
        }
        return bytes("SELECT CAST(body AS BINARY) FROM messages WHERE channel = 'email' AND external_id = ?", messageId);
    }

    private byte[] bytes(String sql, Object key) {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getBytes(1) != null ? rs.getBytes(1) : new byte[0];
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<?, ?> post(String raw) {
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST("/mail/inbound", Emails.wire(raw))
                .contentType(MediaType.of("message/rfc822")).header("Authorization", "Bearer " + INBOUND_TOKEN),
                Map.class);
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
