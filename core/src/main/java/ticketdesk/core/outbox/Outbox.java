package ticketdesk.core.outbox;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketdesk.core.Channel;
import ticketdesk.core.Times;
import ticketdesk.core.user.Platform;

/**
 * Records notifications in the caller's transaction, so a notification exists exactly when the change
 * it announces does. Channels without a {@link Notifier} are skipped: nothing waits forever for a
 * channel this installation does not have.
 */
@Singleton
public class Outbox {

    private final NotificationRepository notifications;
    private final JsonMapper json;
    private final Times times;
    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private final Map<Channel, Platform> feeds = new EnumMap<>(Channel.class);

    Outbox(NotificationRepository notifications, JsonMapper json, Times times, List<Notifier> notifiers) {
        this.notifications = notifications;
        this.json = json;
        this.times = times;
        notifiers.forEach(n -> {
            channels.add(n.channel());
            n.feedOf().ifPresent(platform -> feeds.put(n.channel(), platform));
        });
    }

    /** The channels that show every ticket to responders in a shared place, with the platform of their followers. */
    public Map<Channel, Platform> feeds() {
        return feeds;
    }

    public boolean delivers(Channel channel) {
        return channels.contains(channel);
    }

    /** Joins the caller's transaction (the change being announced), or runs in its own when there is none. */
    @Transactional
    public void enqueue(Long ticketId, Long recipientUserId, Channel channel, NotificationKind kind,
                        Map<String, String> payload) {
        if (!delivers(channel)) {
            return;
        }
        var now = times.now();
        notifications.save(new NotificationRow(null, ticketId, recipientUserId, channel.db(), kind.db(),
                toJson(payload), "pending", 0, now, null, null, now));
    }

    /** A notification still waiting for delivery: its payload and when it is next tried. */
    public record Waiting(long id, Map<String, String> payload, LocalDateTime nextAttemptAt) {
    }

    /** The notifications of the same ticket and channel as {@code notification}, queued before it and still pending. */
    public List<Waiting> earlierPending(Notification notification) {
        if (notification.ticketId() == null) {
            return List.of();
        }
        return notifications.earlierPending(notification.ticketId(), notification.channel().db(), notification.id())
                .stream().map(row -> new Waiting(row.id(), fromJson(row.payload()), row.nextAttemptAt())).toList();
    }

    private Map<String, String> fromJson(String payload) {
        try {
            return json.readValue(payload, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson(Map<String, String> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
