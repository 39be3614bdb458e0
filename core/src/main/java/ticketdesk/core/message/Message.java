package ticketdesk.core.message;

import java.time.LocalDateTime;
import ticketdesk.core.Channel;

/** A message on a ticket (or a general one when {@code ticketId} is null). */
public record Message(
        long id,
        Long ticketId,
        long senderId,
        Long receiverId,
        MessageType type,
        String body,
        Channel channel,
        String externalId,
        boolean read,
        LocalDateTime createdAt) {
}
