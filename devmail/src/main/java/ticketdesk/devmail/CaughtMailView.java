package ticketdesk.devmail;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The HTML of the caught-mail page: every value taken from a mail is escaped before it is written. */
final class CaughtMailView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3em .6em;"
            + "border-bottom:1px solid #ddd;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}";

    private CaughtMailView() {
    }

    static String list(List<StoredMessage> newestFirst, String supportAddress, int supportCount) {
        StringBuilder rows = new StringBuilder();
        for (StoredMessage stored : newestFirst) {
            MimeMessage m = stored.getMimeMessage();
            rows.append("<tr><td>").append(TIME.format(stored.getReceivedDate().toInstant()))
                    .append("</td><td>").append(escape(addresses(m, Message.RecipientType.TO)))
                    .append("</td><td>").append(escape(from(m)))
                    .append("</td><td><a href=\"/messages/").append(stored.getUid()).append("\">")
                    .append(escape(subject(m))).append("</a></td></tr>\n");
        }
        String table = newestFirst.isEmpty() ? "<p>Nothing caught yet.</p>"
                : "<table><tr><th>received</th><th>to</th><th>from</th><th>subject</th></tr>\n" + rows + "</table>";
        return page("Caught mail", "<h1>Caught mail</h1><p>Mail to anyone but " + escape(supportAddress)
                + " stays here; nothing is relayed. The support mailbox holds " + supportCount + " message"
                + (supportCount == 1 ? "" : "s") + ".</p>" + table);
    }

    static String message(StoredMessage stored) {
        MimeMessage m = stored.getMimeMessage();
        String headers = "<table>" + row("From", from(m)) + row("To", addresses(m, Message.RecipientType.TO))
                + row("Reply-To", replyTo(m)) + row("Subject", subject(m))
                + row("Received", TIME.format(stored.getReceivedDate().toInstant())) + "</table>";
        return page(subject(m), "<p><a href=\"/\">all caught mail</a> · <a href=\"/messages/" + stored.getUid()
                + "/raw\">source</a></p>" + headers + "<pre>" + escape(text(m)) + "</pre>");
    }

    static String source(StoredMessage stored) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stored.getMimeMessage().writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            return "unreadable: " + e;
        }
    }

    static String notFound() {
        return page("Not found", "<h1>Not found</h1><p><a href=\"/\">all caught mail</a></p>");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The first plain-text part, which is what a person reads; other parts are in the source. */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (IOException | MessagingException e) {
            return "unreadable: " + e;
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · devmail</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>\n";
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "(no subject)" : m.getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    private static String from(MimeMessage m) {
        try {
            return unicode(m.getFrom());
        } catch (MessagingException e) {
            return "(unreadable)";
        }
    }

    private static String replyTo(MimeMessage m) {
        try {
            return m.getHeader("Reply-To") == null ? "" : unicode(m.getReplyTo());
        } catch (MessagingException e) {
            return "(unreadable)";
        }
    }

    private static String addresses(MimeMessage m, Message.RecipientType type) {
        try {
            return unicode(m.getRecipients(type));
        } catch (MessagingException e) {
            return "(unreadable)";
        }
    }

    private static String unicode(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }
}
