package ticketdesk.mail.reply;

import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ticketdesk.core.message.Attachment;
import ticketdesk.mail.MailSettings;
import ticketdesk.mail.spool.RawMail;

/**
 * Reads a raw RFC 822 message: headers, the text of the body (any charset and transfer encoding; an
 * HTML-only body through {@link HtmlText}) and the attachments up to the configured size. It never
 * throws: what it cannot read becomes a note or, when nothing can be read, {@code malformed}.
 */
@Singleton
public class MimeDecoder {

    private static final int MAX_PARTS = 200;
    /** A header section larger than this is no mail anyone wrote; parsing it would fill the heap. */
    private static final int MAX_HEADER = 1024 * 1024;
    /** Text beyond this (a pasted log, say) is no reply to read; the extractor keeps far less. */
    private static final int MAX_TEXT = 2_000_000;
    private static final Session SESSION = session();

    private final long maxAttachmentSize;

    public MimeDecoder(MailSettings settings) {
        this.maxAttachmentSize = settings.getMaxAttachmentSize();
    }

    /** A small message held in memory (tests): spooled like any other, its attachments then read into memory. */
    public ParsedMail decode(byte[] raw) {
        try (RawMail spooled = RawMail.of(raw)) {
            return inMemory(decode(spooled));
        }
    }

    /**
     * Decodes a message spooled to disk. Its parts are read from the file as they are needed and its attachments
     * are written beside it, so neither the message nor an attachment is ever whole in the heap.
     */
    public ParsedMail decode(RawMail raw) {
        MimeMessage message;
        Map<String, List<String>> headers;
        SharedFileInputStream in = null;
        try {
            if (!raw.headerEndsWithin(MAX_HEADER)) {
                return unreadable("the header is larger than " + MimeParts.megabytes(MAX_HEADER));
            }
            in = new SharedFileInputStream(raw.file().toFile());
            message = new MimeMessage(SESSION, in);
            headers = MailHeaders.all(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            close(in);
            return unreadable(e.getMessage());
        }
        try {
            return decode(message, headers, raw);
        } finally {
            close(in);
        }
    }

    private ParsedMail decode(MimeMessage message, Map<String, List<String>> headers, RawMail raw) {
        Body body = new Body(raw);
        String malformed = null;
        try {
            if (raw.complete()) {
                walk(message, body, 0); // the start of a message over the size limit is read for its headers only
            }
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

    private static ParsedMail unreadable(String why) {
        return new ParsedMail(null, null, null, null, List.of(), List.of(), List.of(), Map.of(), "", List.of(),
                List.of(), "unreadable headers: " + why);
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > 20 || body.parts++ > MAX_PARTS) {
            throw new MessagingException("too deeply nested or too many parts");
        }
        String type = MimeParts.baseType(part);
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
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(MimeParts.disposition(part)) || MimeParts.fileName(part) != null;
        boolean text = !attachment && (type.equals("text/plain") || type.equals("text/html"));
        if (text && body.plain.length() + body.html.length() > MAX_TEXT) {
            body.notes.add("a " + type + " part skipped: the text already read is over " + MAX_TEXT + " characters");
        } else if (text) {
            (type.equals("text/plain") ? body.plain : body.html).append(text(part, type, body)).append('\n');
        } else if (attachment || !type.startsWith("text/")) {
            attach(part, type, body);
        }
    }

    /** The part's text; a flowed plain text part (RFC 3676) with its soft line breaks undone. */
    private static String text(Part part, String type, Body body) throws MessagingException, IOException {
        String text = BodyText.of(part, body.notes);
        return type.equals("text/plain") && "flowed".equals(MimeParts.typeParameter(part, "format"))
                ? FlowedText.unflow(text, "yes".equals(MimeParts.typeParameter(part, "delsp"))) : text;
    }

    private void attach(Part part, String type, Body body) throws MessagingException, IOException {
        String name = MimeParts.fileName(part);
        if (name == null) {
            if (part.getHeader("Content-ID") != null) {
                return; // an inline image of an HTML body (a signature logo), not something the sender attached
            }
            name = type.equals("message/rfc822") ? "message.eml" : "attachment";
        }
        RawMail.Kept kept;
        try (InputStream in = part.getInputStream()) {
            kept = body.raw.keep(in, maxAttachmentSize);
        }
        if (kept.content() == null) {
            body.notes.add("attachment " + name + " (" + MimeParts.megabytes(kept.size()) + ") skipped: larger than "
                    + MimeParts.megabytes(maxAttachmentSize));
            return;
        }
        body.attachments.add(new Attachment(MimeParts.clip(name), MimeParts.clip(type), kept.size(), kept.content()));
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

    private static ParsedMail inMemory(ParsedMail mail) {
        List<Attachment> read = new ArrayList<>();
        for (Attachment a : mail.attachments()) {
            try (InputStream in = a.content().open()) {
                read.add(new Attachment(a.fileName(), a.contentType(), a.size(), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ParsedMail(mail.messageId(), mail.from(), mail.fromName(), mail.subject(), mail.recipients(),
                mail.inReplyTo(), mail.references(), mail.headers(), mail.text(), List.copyOf(read), mail.notes(),
                mail.malformed());
    }

    private static void close(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // a read-only file
        }
    }

    private static final class Body {
        final RawMail raw;
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int parts;

        Body(RawMail raw) {
            this.raw = raw;
        }
    }
}
