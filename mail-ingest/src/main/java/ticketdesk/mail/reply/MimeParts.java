package ticketdesk.mail.reply;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.util.Locale;

/** Reads what a MIME part says about itself (type, disposition, file name) leniently: never throws. */
final class MimeParts {

    private static final int MAX_NAME = 255;

    private MimeParts() {
    }

    static String baseType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "text/plain" : new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    /** A parameter of the part's Content-Type, lower-case; null when absent or unreadable. */
    static String typeParameter(Part part, String name) {
        try {
            String type = part.getContentType();
            String value = type == null ? null : new ContentType(type).getParameter(name);
            return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String fileName(Part part) {
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
    static String clip(String value) {
        return value.length() <= MAX_NAME ? value : value.substring(0, MAX_NAME);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
