package ticketdesk.mail.outbound;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import ticketdesk.core.Times;

/** The Message-IDs we sent, with their ticket and recipient: what a reply's In-Reply-To is matched against. */
@Singleton
public class SentMessages {

    private final SentMessageRepository rows;
    private final Times times;

    SentMessages(SentMessageRepository rows, Times times) {
        this.rows = rows;
        this.times = times;
    }

    public record Sent(String messageId, Long ticketId, Long recipientUserId) {
    }

    /** Remembers a Message-ID; a retried delivery finds it already there. */
    @Transactional
    public void remember(String messageId, Long ticketId, Long recipientUserId, long notificationId, String kind) {
        if (rows.findById(messageId).isEmpty()) {
            rows.insert(messageId, ticketId, recipientUserId, notificationId, kind, times.now());
        }
    }

    public Optional<Sent> find(String messageId) {
        return rows.findById(messageId).map(r -> new Sent(r.messageId(), r.ticketId(), r.recipientUserId()));
    }

    /** The last email of this ticket sent to this recipient before the given notification. */
    public Optional<String> previous(long ticketId, long recipientUserId, long beforeNotificationId) {
        return rows.previous(ticketId, recipientUserId, beforeNotificationId);
    }
}
