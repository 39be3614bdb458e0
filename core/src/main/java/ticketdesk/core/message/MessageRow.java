package ticketdesk.core.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDateTime;
import ticketdesk.core.Channel;

@MappedEntity("messages")
record MessageRow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long ticketId,
        long senderId,
        @Nullable Long receiverId,
        String messageType,
        String body,
        String channel,
        @Nullable String externalId,
        @MappedProperty("is_read") boolean read,
        LocalDateTime createdAt) {

    Message toMessage() {
        return new Message(id, ticketId, senderId, receiverId, MessageType.fromDb(messageType), body,
                Channel.fromDb(channel), externalId, read, createdAt);
    }
}
