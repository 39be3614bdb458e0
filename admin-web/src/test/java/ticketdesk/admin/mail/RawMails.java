package ticketdesk.admin.mail;

import java.nio.charset.StandardCharsets;

/** Raw emails as a mail client writes them (CRLF line ends), for the inbound pipeline. */
final class RawMails {

    static final String SUPPORT = "support@ticketdesk.test";
    static final String OURS = "mx.ticketdesk.test";

    private RawMails() {
    }

    static byte[] mail(String from, String subject, String messageId, String extraHeaders, String body) {
        String raw = "From: " + from + "\nTo: " + SUPPORT + "\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\nDate: Mon, 23 Nov 2026 10:20:00 +0000\n" + extraHeaders
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                + body + "\n";
        return raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String forged() {
        return "Authentication-Results: " + OURS + "; dkim=fail header.d=example.com; dmarc=fail header.from=example.com\n";
    }
}
