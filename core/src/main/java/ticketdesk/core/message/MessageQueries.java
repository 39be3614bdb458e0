package ticketdesk.core.message;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Reads messages and their attachments, for notifiers and the admin panel. */
@Singleton
public class MessageQueries {

    private final MessageRepository messages;
    private final AttachmentRepository attachments;

    MessageQueries(MessageRepository messages, AttachmentRepository attachments) {
        this.messages = messages;
        this.attachments = attachments;
    }

    public Optional<Message> byId(long messageId) {
        return messages.findById(messageId).map(MessageRow::toMessage);
    }

    public List<Message> forTicket(long ticketId) {
        return messages.forTicket(ticketId).stream().map(MessageRow::toMessage).toList();
    }

    /** Attachment metadata of a message (content left out). */
    public List<Attachment> attachmentsOf(long messageId) {
        return attachments.listFor(messageId).stream()
                .map(r -> Attachment.described(r.fileName(), r.contentType(), r.sizeBytes())).toList();
    }
}
