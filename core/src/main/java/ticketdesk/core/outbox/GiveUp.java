package ticketdesk.core.outbox;

/** A notifier's "this can never be delivered" (its webhook endpoint was removed): failed now, without retries. */
public class GiveUp extends RuntimeException {

    public GiveUp(String message) {
        super(message, null, false, false);
    }
}
