package ticketdesk.core.testing;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.Notifier;

/**
 * An email-channel notifier for core's own tests (enabled with {@code ticketdesk.test.recording-notifier=true}):
 * it records what it delivers, and fails while a test tells it to.
 */
@Singleton
@Requires(property = "ticketdesk.test.recording-notifier", value = "true")
public class RecordingNotifier implements Notifier {

    public final List<Notification> delivered = new CopyOnWriteArrayList<>();
    public final AtomicInteger calls = new AtomicInteger();
    private volatile Predicate<Notification> failWhen = n -> false;
    private volatile java.util.function.Consumer<Notification> beforeDelivery = n -> { };

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(Notification notification) {
        calls.incrementAndGet();
        beforeDelivery.accept(notification);
        if (failWhen.test(notification)) {
            throw new IllegalStateException("smtp down (attempt " + notification.attempt() + ")");
        }
        delivered.add(notification);
    }

    public void failWhen(Predicate<Notification> condition) {
        this.failWhen = condition;
    }

    /** Runs before each delivery: a test can hold a worker mid-batch here. */
    public void beforeDelivery(java.util.function.Consumer<Notification> hook) {
        this.beforeDelivery = hook;
    }

    public void reset() {
        beforeDelivery = n -> { };
        delivered.clear();
        calls.set(0);
        failWhen = n -> false;
    }
}
