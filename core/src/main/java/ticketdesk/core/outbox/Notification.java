package ticketdesk.core.outbox;

import java.util.Map;
import ticketdesk.core.Channel;

/**
 * One notification taken from the outbox for delivery. {@code recipientUserId} is null for a
 * broadcast (the responders' channel); {@code attempt} counts from 1.
 */
public record Notification(
        long id,
        Long ticketId,
        Long recipientUserId,
        Channel channel,
        NotificationKind kind,
        Map<String, String> payload,
        int attempt) {

    public String payload(String key) {
        return payload.get(key);
    }
}
