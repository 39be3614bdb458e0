package ticketdesk.core.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("message_attachments")
record AttachmentRow(
        @Id @GeneratedValue @Nullable Long id,
        long messageId,
        String fileName,
        String contentType,
        long sizeBytes,
        @Nullable byte[] content,
        LocalDateTime createdAt) {
}
