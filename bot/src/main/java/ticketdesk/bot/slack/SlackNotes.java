package ticketdesk.bot.slack;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketdesk.core.Channel;
import ticketdesk.core.outbox.NotificationKind;
import ticketdesk.core.outbox.Outbox;

/**
 * Ephemeral notes to one Slack user ("already claimed by @alice"). A note changes nothing, so it needs no
 * transaction: it goes straight to Slack once the request has its ack, and only when that fails does it wait
 * in the outbox, to be retried there like any notification (delivered by {@link SlackNotifier}); either
 * way {@link SlackWeb#note} sends it. Going
 * around the outbox matters in a claim storm, where nineteen of every twenty clicks end in such a note.
 */
@Singleton
public class SlackNotes {

    /** After a failed direct send, notes go to the outbox for this long instead of each waiting on Slack. */
    static final long DIRECT_PAUSE_NANOS = 30_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(SlackNotes.class);

    private final Outbox outbox;
    private final SlackWeb web;
    private final SlackSettings settings;
    private final AfterAck afterAck;
    private volatile long directPausedUntil = System.nanoTime();

    SlackNotes(Outbox outbox, SlackWeb web, SlackSettings settings, AfterAck afterAck) {
        this.outbox = outbox;
        this.web = web;
        this.settings = settings;
        this.afterAck = afterAck;
    }

    /** Tells the person {@code text} once the request being handled has its ack. */
    void tell(Where where, String text) {
        if (!settings.canCallSlack() || System.nanoTime() - directPausedUntil < 0) {
            enqueue(where, text);
            return;
        }
        afterAck.later(() -> {
            try {
                web.note(where, text);
            } catch (RuntimeException e) {
                directPausedUntil = System.nanoTime() + DIRECT_PAUSE_NANOS;
                LOG.info("a note could not go straight to Slack ({}); it waits in the outbox", e.toString());
                enqueue(where, text);
            }
        });
    }

    private void enqueue(Where where, String text) {
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
