package ticketdesk.mail.reply;

import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketdesk.core.message.Attachment;
import ticketdesk.mail.MailSettings;

/**
 * Reads a raw RFC 822 message: headers, the text of the body (any charset and transfer encoding; an
 * HTML-only body through {@link HtmlText}) and the attachments up to the configured size. It never
 * throws: what it cannot read becomes a note or, when nothing can be read, {@code malformed}.
 */
@Singleton
public class MimeDecoder {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_PARTS = 200;
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
            headers = headers(message);
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
        Address from = from(first(headers, "from"));
        return new ParsedMail(messageId(first(headers, "message-id")), from.address, from.name, subject(message, headers),
                recipients(headers), ids(first(headers, "in-reply-to")), ids(first(headers, "references")), headers,
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
            body.plain.append(text(part, body)).append('\n');
        } else if (!attachment && type.equals("text/html")) {
            body.html.append(text(part, body)).append('\n');
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
        body.attachments.add(new Attachment(name, type, size, kept.toByteArray()));
    }

    private static String text(Part part, Body body) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = charset(part);
        if (declared != null) {
            try {
                Charset charset = Charset.forName(MimeUtility.javaCharset(declared));
                return decode(bytes, charset, false);
            } catch (IllegalArgumentException unknown) {
                body.notes.add("unknown charset '" + declared + "': text decoded as "
                        + (isUtf8(bytes) ? "UTF-8" : "windows-1252"));
            }
        }
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8)
                : decode(bytes, Charset.forName("windows-1252"), false);
    }

    private static String decode(byte[] bytes, Charset charset, boolean strict) throws CharacterCodingException {
        var decoder = charset.newDecoder();
        if (!strict) {
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            decode(bytes, StandardCharsets.UTF_8, true);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String charset(Part part) {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return charset == null || charset.isBlank() ? null : charset.trim();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
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

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String value = h.getValue() == null ? "" : MimeUtility.unfold(h.getValue()).strip();
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String subject(MimeMessage message, Map<String, List<String>> headers) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        } catch (MessagingException | RuntimeException e) {
            String raw = first(headers, "subject");
            return raw == null ? "" : raw;
        }
    }

    static String messageId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        String id = m.find() ? m.group() : "<" + header.strip().replaceAll("[<>\\s]", "") + ">";
        return id.length() <= 2 ? null : id;
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static List<String> recipients(Map<String, List<String>> headers) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("to", "cc", "delivered-to", "x-original-to", "envelope-to")) {
            for (String value : headers.getOrDefault(name, List.of())) {
                Matcher m = ADDRESS.matcher(value);
                while (m.find()) {
                    String address = m.group().toLowerCase(Locale.ROOT);
                    if (!out.contains(address)) {
                        out.add(address);
                    }
                }
            }
        }
        return out;
    }

    private record Address(String address, String name) {
    }

    private static Address from(String header) {
        if (header == null || header.isBlank()) {
            return new Address(null, null);
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                return new Address(parsed[0].getAddress().toLowerCase(Locale.ROOT), parsed[0].getPersonal());
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through to the lenient scan
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? new Address(m.group().toLowerCase(Locale.ROOT), null) : new Address(null, null);
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
