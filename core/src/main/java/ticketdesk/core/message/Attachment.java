package ticketdesk.core.message;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file that came with a message (an email attachment). {@code size} is the size of the original;
 * {@code content} opens its bytes as a stream, as often as needed, so a big file is never held whole.
 */
public record Attachment(String fileName, String contentType, long size, @Nullable Content content) {

    /** Where an attachment's bytes are read from (a file spooled to disk, or a small array). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public Attachment(String fileName, String contentType, long size, byte[] bytes) {
        this(fileName, contentType, size, bytes == null ? null : (Content) () -> new ByteArrayInputStream(bytes));
    }

    /** Metadata only, as read back for notifiers and the panel. */
    public static Attachment described(String fileName, String contentType, long size) {
        return new Attachment(fileName, contentType, size, (Content) null);
    }
}
