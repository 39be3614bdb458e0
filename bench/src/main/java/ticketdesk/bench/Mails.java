package ticketdesk.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Emails as a person's mail client writes them, and the notification emails the instances sent. */
public final class Mails {

    private static final Pattern TICKET_TAG = Pattern.compile("\\[#(\\d+)]");

    /** A notification email as it arrived at the SMTP server. */
    public record Received(long ticketId, String to, String replyTo, String messageId, String subject) {
    }

    private Mails() {
    }

    /** A new email to the support address (opens a ticket when the sender is a known user). */
    public static byte[] newRequest(String from, String to, String messageId, String subject, String text) {
        return message(from, to, messageId, subject, null, text + "\n\n-- \nSent from my phone\n");
    }

    /** A reply to a notification: to its Reply-To, threaded on its Message-ID, quoting it below. */
    public static byte[] reply(String from, Received original, String messageId, String text) {
        return message(from, original.replyTo(), messageId, "Re: " + original.subject(), original.messageId(),
                text + "\n\nOn Mon, the help desk wrote:\n> " + original.subject() + "\n> (quoted history)\n");
    }

    private static byte[] message(String from, String to, String messageId, String subject, String inReplyTo,
                                  String text) {
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append("\r\n");
        m.append("To: ").append(to).append("\r\n");
        m.append("Subject: ").append(subject).append("\r\n");
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        m.append("Message-ID: ").append(messageId).append("\r\n");
        if (inReplyTo != null) {
            m.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
            m.append("References: ").append(inReplyTo).append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        m.append(text.replace("\n", "\r\n"));
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every email the SMTP server has received that names a ticket in its subject. */
    public static List<Received> received(GreenMail smtp) {
        List<Received> out = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Matcher tag = TICKET_TAG.matcher(String.valueOf(message.getSubject()));
                Address[] to = message.getAllRecipients();
                Address[] replyTo = message.getReplyTo();
                if (!tag.find() || to == null || to.length == 0) {
                    continue;
                }
                out.add(new Received(Long.parseLong(tag.group(1)), ((InternetAddress) to[0]).getAddress(),
                        replyTo == null || replyTo.length == 0 ? null : ((InternetAddress) replyTo[0]).getAddress(),
                        message.getMessageID(), message.getSubject()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
