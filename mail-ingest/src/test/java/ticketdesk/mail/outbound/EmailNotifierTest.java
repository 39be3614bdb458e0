package ticketdesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.ticket.Ticket;
import ticketdesk.core.user.User;
import ticketdesk.mail.MailTest;

@MicronautTest(transactional = false)
class EmailNotifierTest extends MailTest {

    @Inject EmailNotifier notifier;
    @Inject ReplyTokens tokens;

    @Test
    void theRequesterHearsOfTheClaimInAThreadedEmailTheyCanReplyTo() throws Exception {
        User bob = world.employee("Bob");
        User alice = world.responder("Alice");
        Ticket ticket = world.claimedTicket(bob, alice);

        List<MimeMessage> toBob = deliveredTo(bob.email());

        MimeMessage claimed = toBob.stream().filter(m -> subject(m).contains("claimed")).findFirst().orElseThrow();
        assertThat(claimed.getSubject()).isEqualTo("[#" + ticket.id() + "] printer broken — claimed by Alice");
        String root = "<td." + tag(claimed) + ".t" + ticket.id() + "@ticketdesk.test>";
        assertThat(claimed.getHeader("References", " ")).startsWith(root);
        assertThat(claimed.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        String replyTo = ((InternetAddress) claimed.getReplyTo()[0]).getAddress();
        assertThat(replyTo).startsWith("support+t" + ticket.id() + "-u" + bob.id() + "-").endsWith("@ticketdesk.test");
        assertThat(tokens.read(List.of(replyTo))).contains(new ReplyTokens.Token(ticket.id(), bob.id()));
        assertThat(tokens.read(List.of(replyTo.replace("-u" + bob.id() + "-", "-u" + alice.id() + "-")))).isEmpty();
        assertThat(claimed.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) claimed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Alice claimed your ticket");

        MimeMessage opened = toBob.stream().filter(m -> subject(m).contains("opened")).findFirst().orElseThrow();
        assertThat(opened.getHeader("References", " ")).startsWith(root);
        assertThat(claimed.getHeader("In-Reply-To", null)).isEqualTo(opened.getMessageID());
        assertThat(claimed.getHeader("References", " ")).contains(opened.getMessageID());
        assertThat(claimed.getMessageID()).isNotEqualTo(opened.getMessageID());
    }

    @Test
    void aRetriedDeliveryReusesTheMessageIdAndEscapesHtml() throws Exception {
        User bob = world.employee("Bob");
        Ticket ticket = world.pendingTicket(bob, "<script>alert(1)</script> & printer");
        outbox.drain();
        greenMail.purgeEmailFromAllMailboxes();
        Notification n = new Notification(987_654, ticket.id(), bob.id(), Channel.EMAIL, NotificationKind.OPENED,
                Map.of("ticketId", Long.toString(ticket.id()), "status", "pending"), 1);

        notifier.deliver(n);
        notifier.deliver(new Notification(n.id(), n.ticketId(), n.recipientUserId(), n.channel(), n.kind(),
                n.payload(), 2));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).contains(".n987654@");
        String html = (String) ((Multipart) received[0].getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; printer").doesNotContain("<script>");
        assertThat(db.count("SELECT COUNT(*) FROM mail_sent_messages WHERE notification_id = 987654")).isEqualTo(1);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String tag(MimeMessage m) throws Exception {
        String id = m.getMessageID();
        return id.substring(4, id.indexOf(".n"));
    }
}
