package ticketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ticketdesk.bot.slack.FakeSlack;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.Role;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;

/**
 * What the other party receives of an email reply is the text stored for it, not the mail: the
 * ticket's Slack thread and the responder's email carry the requester's reply without its quoted
 * history and signature, and the requester's email and Slack message carry the responder's the same way.
 */
@MicronautTest(transactional = false)
class RelayedRepliesCarryOnlyTheExtractedTextTest extends DatabaseTest {

    private static final String INBOUND_TOKEN = "relay-inbound-token";
    private static final String SUPPORT = "support@ticketdesk.test";
    private static final String BOBS_REPLY = "Der Drucker druckt wieder, danke! 👍\n\nNur Fach 2 klemmt noch.";
    private static final String CAROLS_REPLY = "Fach 2 bekommt morgen eine neue Einzugsrolle.";

    private final FakeSlack slack = FakeSlack.start();
    private final GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject EmbeddedServer server;
    @Inject OutboxWorker outbox;
    @Inject MessageQueries messages;

    @Override
    protected Map<String, String> extraProperties() {
        mail.start();
        Map<String, String> p = new HashMap<>();
        p.put("slack.signing-secret", "relay-signing-secret-0123456789");
        p.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        p.put("slack.api-url", slack.apiUrl());
        p.put("slack.responder-channel", "CRESP");
        p.put("mail.from", SUPPORT);
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        p.put("mail.inbound-token", INBOUND_TOKEN);
        return p;
    }

    @AfterAll
    void stopServers() {
        slack.close();
        mail.stop();
    }

    @Test
    void anEmailReplyReachesTheSlackThreadAndTheOtherPartysMailboxWithoutItsHistory() throws Exception {
        World world = new World(context);
        User bob = world.user("Bob Example", Role.EMPLOYEE, "UBOB");
        User carol = world.responder("Carol Responder");
        Ticket ticket = world.claimedTicket(bob, carol);
        String card = cardTs();
        MimeMessage claimed = awaitMail(bob.email(), "claimed by Carol");

        assertThat(postInbound(outlookReply(bob, Answering.to(claimed)))).contains("\"applied\"");

        assertThat(storedBodies(ticket)).containsExactly(BOBS_REPLY);
        eventually(() -> {
            outbox.drain();
            return slack.calls("chat.postMessage", c -> card.equals(c.param("thread_ts"))).size() == 1;
        });
        assertThat(slack.calls("chat.postMessage", c -> card.equals(c.param("thread_ts"))).get(0).param("text"))
                .isEqualTo("Bob Example (email): " + BOBS_REPLY);
        MimeMessage toCarol = awaitMail(carol.email(), "message from Bob");
        assertThat(plainText(toCarol)).contains(BOBS_REPLY)
                .doesNotContain("Von:", "Gesendet:", "Mit freundlichen", "Musterbau GmbH", "claimed your ticket");

        assertThat(postInbound(Emails.gmailReply(carol.email(), Answering.to(toCarol), Emails.newMessageId(),
                CAROLS_REPLY))).contains("\"applied\"");

        assertThat(storedBodies(ticket)).containsExactly(BOBS_REPLY, CAROLS_REPLY);
        MimeMessage toBob = awaitMail(bob.email(), "message from Carol");
        assertThat(plainText(toBob)).contains(CAROLS_REPLY).doesNotContain("Accounting, 3rd floor", "Alice claimed");
        eventually(() -> {
            outbox.drain();
            return !slack.calls("chat.postMessage", c -> "UBOB".equals(c.param("channel"))
                    && c.param("text").contains("Einzugsrolle")).isEmpty();
        });
        assertThat(slack.calls("chat.postMessage", c -> "UBOB".equals(c.param("channel"))
                && c.param("text").contains("Einzugsrolle")).get(0).param("text")).endsWith(": " + CAROLS_REPLY);
    }

    /** Outlook's plain text: the reply, a closing with a signature, then the quoted notification's header block. */
    private static String outlookReply(User bob, Answering to) {
        String body = BOBS_REPLY + "\n\nMit freundlichen Grüßen\nBob Example\nEinkauf | Musterbau GmbH\n\n"
                + "________________________________\nVon: ticketdesk <" + to.replyTo() + ">\n"
                + "Gesendet: Montag, 23. November 2026 10:15\nAn: Bob Example <" + bob.email() + ">\n"
                + "Betreff: " + to.subject() + "\n\nCarol Responder claimed your ticket and is working on it.\n";
        return Emails.plain(bob.email(), to.replyTo(), "AW: " + to.subject(), Emails.newMessageId(), to.messageId(),
                "", body);
    }

    private List<String> storedBodies(Ticket ticket) {
        return messages.forTicket(ticket.id()).stream().map(Message::body).toList();
    }

    private String cardTs() {
        eventually(() -> {
            outbox.drain();
            return !slack.calls("chat.postMessage", c -> "CRESP".equals(c.param("channel"))).isEmpty();
        });
        return slack.calls("chat.postMessage", c -> "CRESP".equals(c.param("channel"))).get(0).ts();
    }

    private String postInbound(String raw) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(URI.create("/mail/inbound")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "message/rfc822")
                .header("Authorization", "Bearer " + INBOUND_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Emails.wire(raw))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private MimeMessage awaitMail(String to, String subjectContains) {
        MimeMessage[] found = new MimeMessage[1];
        eventually(() -> {
            outbox.drain();
            found[0] = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> recipients(m).contains(to) && subject(m).contains(subjectContains))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The mail's text part, with the wire's CRLF line ends read as the text's own. */
    private static String plainText(MimeMessage m) throws Exception {
        Object content = m.getContent();
        Object text = content instanceof Multipart multipart ? multipart.getBodyPart(0).getContent() : content;
        String plain = text instanceof String s ? s : new String(((java.io.InputStream) text).readAllBytes(),
                StandardCharsets.UTF_8);
        return plain.replace("\r\n", "\n");
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
