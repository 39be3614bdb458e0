package ticketdesk.mail.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

@MappedEntity("mail_sent_messages")
record SentMessageRow(@Id String messageId, @Nullable Long ticketId, @Nullable Long recipientUserId,
                      long notificationId, String kind, LocalDateTime sentAt) {
}
