package ticketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ticketdesk.bot.slack.FakeSlack;
import ticketdesk.bot.slack.Payloads;
import ticketdesk.bot.slack.SignedSlack;
import ticketdesk.core.Channel;
import ticketdesk.core.audit.AuditLog;
import ticketdesk.core.audit.EventType;
import ticketdesk.core.audit.TicketEvent;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.outbox.OutboxWorker;
import ticketdesk.core.testing.DatabaseTest;
import ticketdesk.core.testing.World;
import ticketdesk.core.user.Role;
import ticketdesk.mail.Emails;

/**
 * DESIGN.md's flows across every module, over real sockets: an employee opens a ticket with /ticket in
 * Slack, a responder claims it with the card's button, the requester gets the "claimed" email and
 * answers it from a mail client, the answer (quotes and signature stripped) lands in the ticket and in
 * its Slack thread, the responder's thread reply reaches the requester by email, and the ticket's
 * history says who did what from which channel.
 */
@MicronautTest(transactional = false)
class FourFlowsEndToEndTest extends DatabaseTest {

    private static final String SECRET = "e2e-signing-secret-0123456789abcdef";
    private static final String RESPONDERS = "CRESP";
    private static final String INBOUND_TOKEN = "e2e-inbound-token";
    private static final String SUPPORT = "support@ticketdesk.test";

    private final FakeSlack slack = FakeSlack.start();
    private final GreenMail mail = startGreenMail();

    @Inject ApplicationContext context;
    @Inject EmbeddedServer server;
    @Inject OutboxWorker outbox;
    @Inject AuditLog audit;
    @Inject MessageQueries messages;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("slack.signing-secret", SECRET);
        p.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        p.put("slack.api-url", slack.apiUrl());
        p.put("slack.responder-channel", RESPONDERS);
        p.put("slack.response-url-prefix", slack.base());
        p.put("mail.from", SUPPORT);
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        p.put("mail.inbound-token", INBOUND_TOKEN);
        p.put("ticketdesk.outbox.base-delay", "10ms");
        p.put("ticketdesk.outbox.max-delay", "50ms");
        return p;
    }

    @AfterAll
    void stopServers() {
        slack.close();
        mail.stop();
    }

    @Test
    void aSlackTicketIsClaimedAnsweredByEmailAndByThreadWithTheWholeHistoryKept() throws Exception {
        new World(context).user("Alice", Role.RESPONDER, "UALICE");
        slack.knowsUser("UBOB", "Bob Example", "bob@example.com");
        SignedSlack signed = new SignedSlack(server.getURI(), SECRET);

        // 1. open: /ticket from Slack, answered at once; the card reaches the responders' channel
        HttpResponse<String> opened = signed.command("UBOB", "bob", "printer broken !high",
                slack.responseUrl("open"));
        assertThat(opened.statusCode()).isEqualTo(200);
        eventually(() -> db.count("SELECT COUNT(*) FROM tickets WHERE title = 'printer broken'") == 1);
        long ticketId = db.count("SELECT id FROM tickets WHERE title = 'printer broken'");
        eventually(() -> {
            outbox.drain();
            return !slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))).isEmpty();
        });
        FakeSlack.Call card = slack.calls("chat.postMessage", c -> RESPONDERS.equals(c.param("channel"))).get(0);
        assertThat(card.blocks()).contains("printer broken").contains("Claim").contains("Decline");

        // 2. claim: Alice clicks Claim; the card changes in place to show her
        HttpResponse<String> claimed = signed.interaction(Payloads.buttonPress("claim", Long.toString(ticketId),
                "UALICE", slack.responseUrl("claim"), card.ts()));
        assertThat(claimed.statusCode()).isEqualTo(200);
        eventually(() -> {
            outbox.drain();
            return slack.calls("chat.update").stream().anyMatch(c -> c.blocks().contains("<@UALICE>"));
        });
        assertThat(db.count("SELECT COUNT(*) FROM tickets t JOIN user_identities i ON i.user_id = t.responder_id"
                + " WHERE t.id = ? AND t.status = 'in_process' AND i.external_id = 'UALICE'", ticketId)).isEqualTo(1);

        // 3. talk: Bob gets "[#n] printer broken — claimed by Alice" and answers it from Gmail
        MimeMessage claimedMail = awaitMail("bob@example.com", "claimed by Alice");
        assertThat(claimedMail.getSubject()).startsWith("[#" + ticketId + "] printer broken");
        HttpResponse<String> reply = postInbound(Emails.gmailReply("bob@example.com",
                Emails.Answering.to(claimedMail), Emails.newMessageId(), "Still jammed after a restart."));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("applied");
        List<Message> stored = messages.forTicket(ticketId);
        assertThat(stored).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Still jammed after a restart.");
            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
        });
        eventually(() -> {
            outbox.drain();
            return slack.calls("chat.postMessage", c -> card.ts().equals(c.param("thread_ts"))
                    && text(c).equals("Bob Example (email): Still jammed after a restart.")).size() == 1;
        });

        // Alice answers in the ticket's thread, with Slack's markup; Bob reads it, readable, in his mailbox
        HttpResponse<String> threadReply = signed.event(Payloads.threadReply("UALICE",
                "Replacing the drum unit now, <@UBOB>: see <https://kb.example/drum|the guide> &amp; wait.",
                "1700000300.000100", card.ts(), RESPONDERS), null);
        assertThat(threadReply.statusCode()).isEqualTo(200);
        eventually(() -> messages.forTicket(ticketId).size() == 2);
        MimeMessage answer = awaitMail("bob@example.com", null, "Replacing the drum unit now");
        assertThat(plainText(answer))
                .contains("Replacing the drum unit now, @Bob Example: see the guide (https://kb.example/drum) & wait.");
        assertThat(answer.getSubject()).contains("[#" + ticketId + "]");
        assertThat(slack.calls("chat.postMessage", c -> card.ts().equals(c.param("thread_ts"))
                && text(c).contains("Replacing the drum unit now."))).isEmpty();

        // 4. administer: the whole history, who did what and from which channel
        List<TicketEvent> timeline = audit.timeline(ticketId);
        assertThat(timeline).extracting(TicketEvent::type, TicketEvent::channel).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.CREATED, Channel.SLACK),
                org.assertj.core.groups.Tuple.tuple(EventType.CLAIMED, Channel.SLACK),
                org.assertj.core.groups.Tuple.tuple(EventType.MESSAGE, Channel.EMAIL),
                org.assertj.core.groups.Tuple.tuple(EventType.MESSAGE, Channel.SLACK));
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE ticket_id = ?", ticketId)).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")).isZero();
    }

    private HttpResponse<String> postInbound(String raw) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/mail/inbound"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "message/rfc822")
                .header("Authorization", "Bearer " + INBOUND_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Emails.wire(raw)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private MimeMessage awaitMail(String to, String subjectContains) {
        return awaitMail(to, subjectContains, null);
    }

    private MimeMessage awaitMail(String to, String subjectContains, String bodyContains) {
        MimeMessage[] found = new MimeMessage[1];
        eventually(() -> {
            outbox.drain();
            found[0] = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> recipient(m).equalsIgnoreCase(to))
                    .filter(m -> subjectContains == null || subject(m).contains(subjectContains))
                    .filter(m -> bodyContains == null
                            || com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(bodyContains))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The decoded text/plain part, as a mail client shows it. */
    private static String plainText(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return parts.getBodyPart(i).getContent().toString();
                }
            }
        }
        return content.toString();
    }

    private static String text(FakeSlack.Call call) {
        return call.param("text") == null ? "" : call.param("text");
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
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

    private static GreenMail startGreenMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
