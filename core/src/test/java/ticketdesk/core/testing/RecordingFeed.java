package ticketdesk.core.testing;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.Notification;
import ticketdesk.core.outbox.Notifier;
import ticketdesk.core.user.Platform;

/**
 * A chat notifier that keeps a feed, as Slack's responders' channel does, for core's own tests (enabled with
 * {@code ticketdesk.test.recording-feed=true}): people linked on Slack follow tickets through it.
 */
@Singleton
@Requires(property = "ticketdesk.test.recording-feed", value = "true")
public class RecordingFeed implements Notifier {

    public final List<Notification> delivered = new CopyOnWriteArrayList<>();

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public Optional<Platform> feedOf() {
        return Optional.of(Platform.SLACK);
    }

    @Override
    public void deliver(Notification notification) {
        delivered.add(notification);
    }
}
