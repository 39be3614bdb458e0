package ticketdesk.core.message;

/** A file that came with a message (an email attachment). {@code size} is the size of the original. */
public record Attachment(String fileName, String contentType, long size, byte[] content) {
}
