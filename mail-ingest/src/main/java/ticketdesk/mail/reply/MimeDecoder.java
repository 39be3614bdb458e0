package ticketdesk.mail.reply;

import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import ticketdesk.core.message.Attachment;
import ticketdesk.mail.MailSettings;

/**
 * Reads a raw RFC 822 message: headers, the text of the body (any charset and transfer encoding; an
 * HTML-only body through {@link HtmlText}) and the attachments up to the configured size. It never
 * throws: what it cannot read becomes a note or, when nothing can be read, {@code malformed}.
 */
@Singleton
public class MimeDecoder {

    private static final int MAX_PARTS = 200;
    private static final int MAX_NAME = 255;
    private static final Session SESSION = session();

    private final long maxAttachmentSize;

    public MimeDecoder(MailSettings settings) {
        this.maxAttachmentSize = settings.getMaxAttachmentSize();
    }

    public ParsedMail decode(byte[] raw) {
        MimeMessage message;
        Map<String, List<String>> headers;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            headers = MailHeaders.all(message);
        } catch (MessagingException | RuntimeException e) {
            return new ParsedMail(null, null, null, null, List.of(), List.of(), List.of(), Map.of(), "", List.of(),
                    List.of(), "unreadable headers: " + e.getMessage());
        }
        Body body = new Body();
        String malformed = null;
        try {
            walk(message, body, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            malformed = "unreadable MIME structure: " + e.getMessage();
        }
        String text = !body.plain.toString().isBlank() ? body.plain.toString()
                : body.html.isEmpty() ? "" : HtmlText.toText(body.html.toString());
        MailHeaders.Address from = MailHeaders.from(MailHeaders.first(headers, "from"));
        return new ParsedMail(MailHeaders.messageId(MailHeaders.first(headers, "message-id")), from.address(),
                from.name(), MailHeaders.subject(message, headers), MailHeaders.recipients(headers),
                MailHeaders.ids(MailHeaders.first(headers, "in-reply-to")),
                MailHeaders.ids(MailHeaders.first(headers, "references")), headers,
                text.replace("\r\n", "\n"), List.copyOf(body.attachments), List.copyOf(body.notes), malformed);
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > 20 || body.parts++ > MAX_PARTS) {
            throw new MessagingException("too deeply nested or too many parts");
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("a " + type + " part without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
        if (!attachment && type.equals("text/plain")) {
            body.plain.append(BodyText.of(part, body.notes)).append('\n');
        } else if (!attachment && type.equals("text/html")) {
            body.html.append(BodyText.of(part, body.notes)).append('\n');
        } else if (attachment || !type.startsWith("text/")) {
            attach(part, type, body);
        }
    }

    private void attach(Part part, String type, Body body) throws MessagingException, IOException {
        String name = fileName(part);
        if (name == null) {
            if (part.getHeader("Content-ID") != null) {
                return; // an inline image of an HTML body (a signature logo), not something the sender attached
            }
            name = type.equals("message/rfc822") ? "message.eml" : "attachment";
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size <= maxAttachmentSize) {
                    kept.write(buffer, 0, n);
                }
            }
        }
        if (size > maxAttachmentSize) {
            body.notes.add("attachment " + name + " (" + megabytes(size) + ") skipped: larger than "
                    + megabytes(maxAttachmentSize));
            return;
        }
        body.attachments.add(new Attachment(clip(name), clip(type), size, kept.toByteArray()));
    }

    private static String baseType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "text/plain" : new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            name = MimeUtility.decodeText(name).replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
            return name.length() > 200 ? name.substring(name.length() - 200) : name;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** message_attachments keeps file names and content types in 255 characters. */
    private static String clip(String value) {
        return value.length() <= MAX_NAME ? value : value.substring(0, MAX_NAME);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        return Session.getInstance(p);
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int parts;
    }
}
