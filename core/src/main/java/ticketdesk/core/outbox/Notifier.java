package ticketdesk.core.outbox;

import ticketdesk.core.Channel;

/**
 * Delivers outbox notifications on one channel (email, Slack, SMS). The outbox only records
 * notifications for channels that have a notifier. A notifier reads the current state of the ticket
 * when it delivers, so a late delivery shows what is true now. Throwing means "not delivered, try
 * again later": the worker retries with back-off and never undoes the change the notification
 * announces. Throw {@link RetryLater} to name the delay (a 429's Retry-After). Delivery is at least
 * once: a crash between delivery and bookkeeping repeats it, so a notifier should make repeats
 * harmless where the channel allows (reuse the same Message-ID, update rather than post).
 */
public interface Notifier {

    Channel channel();

    void deliver(Notification notification) throws Exception;
}
