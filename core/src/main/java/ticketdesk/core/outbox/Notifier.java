package ticketdesk.core.outbox;

import java.util.Optional;
import ticketdesk.core.Channel;
import ticketdesk.core.user.Platform;

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

    /**
     * The platform whose linked users follow every ticket where this notifier shows it to responders (a
     * card and its thread in a shared channel): those people hear of tickets there rather than one by one.
     * Empty for a channel that reaches people one by one (email, SMS).
     */
    default Optional<Platform> feedOf() {
        return Optional.empty();
    }

    void deliver(Notification notification) throws Exception;
}
