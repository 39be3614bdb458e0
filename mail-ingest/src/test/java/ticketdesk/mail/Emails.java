package ticketdesk.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Raw emails as mail clients write them, for feeding the inbound pipeline. Lines end in CRLF. */
public final class Emails {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Emails() {
    }

    /** What a reply needs from the notification it answers. */
    public record Answering(String replyTo, String messageId, String subject) {

        public static Answering to(MimeMessage notification) {
            try {
                return new Answering(((InternetAddress) notification.getReplyTo()[0]).getAddress(),
                        notification.getMessageID(), notification.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static String newMessageId() {
        return "<" + System.nanoTime() + "." + SEQ.incrementAndGet() + "@mail.example.com>";
    }

    /** Gmail: multipart/alternative, a wrapped "On … wrote:" attribution, a "-- " signature. */
    public static String gmailReply(String from, Answering a, String messageId, String newText) {
        String plain = newText + "\n\n-- \nBob Example\nAccounting, 3rd floor\n\n"
                + "On Mon, Nov 23, 2026 at 10:15 AM ticketdesk <" + a.replyTo() + "\n> wrote:\n\n"
                + "> Alice claimed your ticket and is working on it.\n>\n> Ticket #1: printer broken\n";
        String html = "<div dir=\"ltr\">" + newText + "<br clear=\"all\"><div><br></div>-- <br>"
                + "<div dir=\"ltr\" class=\"gmail_signature\">Bob Example<br>Accounting, 3rd floor</div></div><br>"
                + "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, Nov 23, 2026 at 10:15 AM"
                + " ticketdesk &lt;" + a.replyTo() + "&gt; wrote:<br></div><blockquote class=\"gmail_quote\">"
                + "Alice claimed your ticket and is working on it.</blockquote></div>\n";
        return headers(from, a.replyTo(), "Re: " + a.subject(), messageId, a.messageId())
                + "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"000000000000gmail\"\n\n"
                + "--000000000000gmail\nContent-Type: text/plain; charset=\"UTF-8\"\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n" + qp(plain) + "\n"
                + "--000000000000gmail\nContent-Type: text/html; charset=\"UTF-8\"\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n" + qp(html) + "\n"
                + "--000000000000gmail--\n";
    }

    /** Outlook: a signature block, then the "From:/Sent:/To:/Subject:" header of the quoted mail. */
    public static String outlookReply(String from, Answering a, String messageId, String newText) {
        String plain = newText + "\n\n-- \nBob Example | Accounting\nContoso Ltd.\n\n"
                + "________________________________\n"
                + "From: ticketdesk <" + a.replyTo() + ">\n"
                + "Sent: Monday, November 23, 2026 10:15 AM\n"
                + "To: Bob Example <" + from + ">\n"
                + "Subject: " + a.subject() + "\n\n"
                + "Alice claimed your ticket and is working on it.\n";
        return headers(from, a.replyTo(), "RE: " + a.subject(), messageId, a.messageId())
                + "Thread-Index: AQHZabc123\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=\"windows-1252\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(plain.replace("\n", "\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"))) + "\n";
    }

    /** Apple Mail on an iPhone: "Sent from my iPhone" above a ">"-quoted "On … wrote:" block. */
    public static String appleReply(String from, Answering a, String messageId, String newText) {
        String plain = newText + "\n\nSent from my iPhone\n\n> On 23. Nov 2026, at 10:15, ticketdesk <"
                + a.replyTo() + "> wrote:\n>\n> \uFEFFAlice claimed your ticket and is working on it.\n";
        return headers(from, a.replyTo(), "Re: " + a.subject(), messageId, a.messageId())
                + "X-Mailer: iPhone Mail (21A329)\nMime-Version: 1.0 (1.0)\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + qp(plain) + "\n";
    }

    /** A plain email with the given headers and text body (UTF-8, 8bit). */
    public static String plain(String from, String to, String subject, String messageId, String inReplyTo,
                               String extraHeaders, String body) {
        return headers(from, to, subject, messageId, inReplyTo) + extraHeaders
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                + body + "\n";
    }

    /** A plain email with one attachment (base64) after its text. */
    public static String withAttachment(String from, String to, String subject, String messageId, String text,
                                        String fileName, String contentType, byte[] content) {
        return headers(from, to, subject, messageId, null)
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"att1\"\n\n"
                + "--att1\nContent-Type: text/plain; charset=utf-8\n\n" + text + "\n"
                + "--att1\nContent-Type: " + contentType + "\nContent-Disposition: attachment; filename=\"" + fileName
                + "\"\nContent-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(content)
                + "\n--att1--\n";
    }

    private static String headers(String from, String to, String subject, String messageId, String inReplyTo) {
        return "Return-Path: <" + from + ">\n"
                + "Date: Mon, 23 Nov 2026 10:20:00 +0000\n"
                + "From: Bob Example <" + from + ">\n"
                + "To: " + to + "\n"
                + "Subject: " + subject + "\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\n")
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n");
    }

    /** Quoted-printable for UTF-8 text, soft-wrapped at 76 characters. */
    static String qp(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : line.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                encoded.append(c == '=' || c > 126 || (c < 32 && c != '\t')
                        ? String.format("=%02X", c) : String.valueOf((char) c));
            }
            String e = encoded.toString();
            if (e.endsWith(" ")) {
                e = e.substring(0, e.length() - 1) + "=20";
            }
            while (e.length() > 75) {
                int cut = 75;
                while (e.charAt(cut - 1) == '=' || (cut >= 2 && e.charAt(cut - 2) == '=')) {
                    cut--;
                }
                out.append(e, 0, cut).append("=\n");
                e = e.substring(cut);
            }
            out.append(e).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** CRLF line ends, as on the wire. */
    public static byte[] wire(String raw) {
        return raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
