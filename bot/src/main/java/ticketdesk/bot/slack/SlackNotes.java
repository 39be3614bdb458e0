package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;

/**
 * Ephemeral notes to one Slack user ("already claimed by @alice"), recorded in the outbox so they are sent
 * after the ack and survive Slack being down. Delivered by {@link SlackNotifier}.
 */
@Singleton
public class SlackNotes {

    private final Outbox outbox;

    SlackNotes(Outbox outbox) {
        this.outbox = outbox;
    }

    void tell(Where where, String text) {
        Map<String, String> payload = new HashMap<>();
        put(payload, "channel", where.channel());
        put(payload, "user", where.user());
        put(payload, "responseUrl", where.responseUrl());
        payload.put("text", text);
        outbox.enqueue(where.ticketId(), null, Channel.SLACK, NotificationKind.NOTE, payload);
    }

    private static void put(Map<String, String> payload, String key, String value) {
        if (value != null && !value.isBlank()) {
            payload.put(key, value);
        }
    }
}
