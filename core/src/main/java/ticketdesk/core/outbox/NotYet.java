package ticketdesk.core.outbox;

import java.time.LocalDateTime;

/**
 * A notifier's "this one must wait for an earlier one until then" (a webhook delivery behind an earlier delivery of
 * the same ticket): not an attempt, so it costs none of the notification's attempts.
 */
public class NotYet extends RuntimeException {

    private final LocalDateTime until;

    public NotYet(String message, LocalDateTime until) {
        super(message, null, false, false);
        this.until = until;
    }

    public LocalDateTime until() {
        return until;
    }
}
