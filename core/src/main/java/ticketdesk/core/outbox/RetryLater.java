package ticketdesk.core.outbox;

import java.time.Duration;

/** A notifier's "not now, try again after this long" (Slack's 429 with Retry-After). */
public class RetryLater extends RuntimeException {

    private final Duration after;

    public RetryLater(String message, Duration after) {
        super(message);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
