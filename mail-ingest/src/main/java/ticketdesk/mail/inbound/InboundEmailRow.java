package ticketdesk.mail.inbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("inbound_emails")
record InboundEmailRow(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        LocalDateTime receivedAt,
        @Nullable String fromAddress,
        @Nullable String subject,
        @Nullable Long ticketId,
        String outcome,
        @Nullable byte[] rawMessage,
        @Nullable String extractedText,
        @Nullable String error,
        @Nullable String note,
        int attempts) {
}
