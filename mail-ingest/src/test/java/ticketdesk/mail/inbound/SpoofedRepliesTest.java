package ticketdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.message.Message;
import ticketdesk.core.message.MessageQueries;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.Emails;
import ticketdesk.mail.Emails.Answering;
import ticketdesk.mail.MailTest;

/**
 * Issue 11, point 3: a reply that names its ticket only by the subject tag is applied only when the receiving
 * server (authserv-id {@value #OURS}) vouches for its From address; one it found forged is refused whatever it
 * matched. Everything goes through {@code POST /mail/inbound}; the requester's and responder's mailboxes and the
 * outbox (where Slack's notifications would wait) show who hears of it.
 */
@MicronautTest(transactional = false)
class SpoofedRepliesTest extends MailTest {

    static final String OURS = "mx.ticketdesk.test";

    @Inject @Client("/") HttpClient http;
    @Inject MessageQueries messages;

    User bob;
    User alice;
    Ticket ticket;
    Answering claimedMail;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("mail.authserv-id", OURS);
    }

    void claimedTicketMailedToBob() throws Exception {
        bob = world.employee("Bob");
        alice = world.responder("Alice");
        ticket = world.claimedTicket(bob, alice);
        claimedMail = Answering.to(deliveredTo(bob.email()).get(0));
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aReplyInAlicesNameWithOnlyTheSubjectTagIsHeldAndAliceIsAskedOnceToAnswerTheNotification() throws Exception {
        claimedTicketMailedToBob();
        long notifications = ticketNotifications();
        String id = Emails.newMessageId();

        Map<?, ?> first = post(tagged(alice, id, "", "Resolved, closing. Send me your password to confirm."));
        Map<?, ?> second = post(tagged(alice, Emails.newMessageId(), "Authentication-Results: mx.attacker.example;"
                + " dmarc=pass header.from=example.com\n", "Really resolved."));

        assertThat(first.get("outcome")).isEqualTo("unmatched");
        assertThat(second.get("outcome")).isEqualTo("unmatched");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'unmatched'"
                + " AND ticket_id = ? AND error LIKE 'matched by its subject tag alone%'", id, ticket.id())).isEqualTo(1);
        assertThat(bodies()).isEmpty();
        assertThat(ticketNotifications()).as("nothing for the requester's email or Slack").isEqualTo(notifications);
        assertThat(deliveredTo(bob.email())).isEmpty();
        List<MimeMessage> asked = deliveredTo(alice.email());
        assertThat(asked).hasSize(1);
        assertThat(text(asked.get(0))).contains("reply to the notification email of ticket #" + ticket.id());
    }

    @Test
    void theSameReplyVouchedForByOurServersDmarcPassReachesTheRequester() throws Exception {
        claimedTicketMailedToBob();

        Map<?, ?> answer = post(tagged(alice, Emails.newMessageId(), "Authentication-Results: " + OURS
                + ";\n  spf=pass smtp.mailfrom=example.com;\n  dmarc=pass (p=reject) header.from=example.com\n",
                "The fuser is replaced."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("The fuser is replaced.");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE ticket_id = ? AND outcome = 'applied'"
                + " AND note LIKE 'matched by subject tag (" + OURS + " says dmarc=pass for example.com)%'", ticket.id()))
                .isEqualTo(1);
        List<MimeMessage> toBob = deliveredTo(bob.email());
        assertThat(toBob).hasSize(1);
        assertThat(text(toBob.get(0))).contains("The fuser is replaced.");
    }

    @Test
    void anAlignedDkimPassFromOurServerVouchesToo() throws Exception {
        claimedTicketMailedToBob();

        Map<?, ?> answer = post(tagged(alice, Emails.newMessageId(), "Authentication-Results: " + OURS
                + "; dkim=pass (2048-bit key) header.d=example.com header.s=s1\n", "Signed by our domain."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("Signed by our domain.");
    }

    @Test
    void aReplyOurServerFoundForgedIsRefusedEvenWithAValidReplyTokenAndNobodyHearsOfIt() throws Exception {
        claimedTicketMailedToBob();
        long notifications = db.count("SELECT COUNT(*) FROM notifications");
        String id = Emails.newMessageId();

        Map<?, ?> answer = post(Emails.gmailReply(bob.email(), claimedMail, id, "Forged, but with the token.")
                .replaceFirst("Return-Path:", "Authentication-Results: " + OURS
                        + "; dkim=fail reason=\"signature did not verify\" header.d=example.com;"
                        + " dmarc=fail (p=quarantine) header.from=example.com\nReturn-Path:"));

        assertThat(answer.get("outcome")).isEqualTo("refused");
        assertThat(db.count("SELECT COUNT(*) FROM inbound_emails WHERE message_id = ? AND outcome = 'refused'"
                + " AND error = 'forged sender: " + OURS + " says dmarc=fail for example.com'", id)).isEqualTo(1);
        assertThat(bodies()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM notifications")).as("no answer, no relay").isEqualTo(notifications);
        assertThat(deliveredTo("@")).isEmpty();
    }

    @Test
    void aTokenReplyWhoseOnlyBrokenSignatureIsAnotherDomainsLandsAsUnsigned() throws Exception {
        claimedTicketMailedToBob();

        // a forwarding gateway added its disclaimer and broke the list's signature; nothing speaks against Bob
        Map<?, ?> answer = post(Emails.gmailReply(bob.email(), claimedMail, Emails.newMessageId(), "Still broken.")
                .replaceFirst("Return-Path:", "Authentication-Results: " + OURS
                        + "; dkim=fail reason=\"body hash did not verify\" header.d=lists.example\nReturn-Path:"));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("Still broken.");
    }

    @Test
    void aReplyThreadedOnOurNotificationNeedsNoVouching() throws Exception {
        claimedTicketMailedToBob();

        Map<?, ?> answer = post(Emails.plain(bob.email(), SUPPORT, "Re: " + claimedMail.subject(),
                Emails.newMessageId(), claimedMail.messageId(), "", "Threaded on the notification."));

        assertThat(answer.get("outcome")).isEqualTo("applied");
        assertThat(bodies()).containsExactly("Threaded on the notification.");
    }

    private String tagged(User from, String messageId, String extraHeaders, String body) {
        return Emails.plain(from.email(), SUPPORT, "Re: [#" + ticket.id() + "] printer broken", messageId, null,
                extraHeaders, body);
    }

    private long ticketNotifications() {
        return db.count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ?", ticket.id());
    }

    private List<String> bodies() {
        return messages.forTicket(ticket.id()).stream().map(Message::body).toList();
    }

    private Map<?, ?> post(String raw) {
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST("/mail/inbound", Emails.wire(raw))
                .contentType(MediaType.of("message/rfc822")).header("Authorization", "Bearer " + INBOUND_TOKEN),
                Map.class);
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof Multipart multipart ? (String) multipart.getBodyPart(0).getContent() : (String) content;
    }
}
